import { filterSymbols, type SymbolEntry } from '../model/symbols';
import { element } from './dom';

const SHOWN = 60;

/**
 * A search box over the exchange's symbols with combobox semantics (the list is its listbox, the active
 * option its active descendant); Enter or a click picks, Escape gives up.
 */
export class SymbolPicker
{
    private symbols: readonly SymbolEntry[] = [];
    private loaded = false;
    private matches: SymbolEntry[] = [];
    private active = 0;
    private current = '';

    constructor(private readonly input: HTMLInputElement, private readonly list: HTMLUListElement, private readonly onPick: (symbol: string) => void)
    {
        input.addEventListener('focus', () =>
        {
            input.select();
            this.open();
        });
        input.addEventListener('input', () => this.open());
        input.addEventListener('keydown', (event) => this.onKey(event));
        // Later than a click on the list; not at all if the box has the focus back by then.
        input.addEventListener('blur', () => setTimeout(() => document.activeElement !== input && this.closeList(), 150));
        list.addEventListener('mousedown', (event) =>
        {
            const item = (event.target as HTMLElement).closest<HTMLElement>('li[data-symbol]');
            if (item !== null)
            {
                event.preventDefault();
                this.pick(item.dataset.symbol ?? '');
            }
        });
    }

    setSymbols(symbols: readonly SymbolEntry[]): void
    {
        this.symbols = symbols;
        this.loaded = true;
    }

    show(symbol: string): void
    {
        this.current = symbol;
        this.input.value = symbol;
    }

    private open(): void
    {
        const query = this.input.value === this.current ? '' : this.input.value;
        this.matches = filterSymbols(this.symbols, query, SHOWN);
        this.active = 0;
        this.renderList();
    }

    private renderList(): void
    {
        this.list.replaceChildren(...this.matches.map((entry, index) =>
        {
            const item = element('li', index === this.active ? 'active' : '');
            item.id = `symbol-option-${index}`;
            item.setAttribute('role', 'option');
            item.setAttribute('aria-selected', String(index === this.active));
            item.dataset.symbol = entry.symbol;
            item.append(element('span', 'sym', entry.symbol), element('span', 'base', entry.baseAsset));
            return item;
        }));
        if (this.matches.length === 0)
        {
            const none = element('li', 'none', this.loaded ? 'no match' : 'loading symbols…');
            none.setAttribute('role', 'option');
            none.setAttribute('aria-disabled', 'true');
            this.list.append(none);
        }
        this.list.hidden = false;
        this.input.setAttribute('aria-expanded', 'true');
        if (this.matches.length > 0)
        {
            this.input.setAttribute('aria-activedescendant', `symbol-option-${this.active}`);
        }
        else
        {
            this.input.removeAttribute('aria-activedescendant');
        }
        this.list.children[this.active]?.scrollIntoView({ block: 'nearest' });
    }

    private onKey(event: KeyboardEvent): void
    {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp')
        {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            this.active = Math.min(Math.max(this.active + step, 0), Math.max(this.matches.length - 1, 0));
            this.renderList();
        }
        else if (event.key === 'Enter')
        {
            event.preventDefault();
            const typed = this.input.value.trim().toUpperCase();
            const exact = this.symbols.find((entry) => entry.symbol === typed);
            const chosen = exact ?? this.matches[this.active];
            if (chosen !== undefined)
            {
                this.pick(chosen.symbol);
            }
        }
        else if (event.key === 'Escape')
        {
            this.input.blur();
        }
    }

    private pick(symbol: string): void
    {
        this.closeList();
        this.input.blur();
        this.show(symbol);
        this.onPick(symbol);
    }

    private closeList(): void
    {
        this.list.hidden = true;
        this.input.setAttribute('aria-expanded', 'false');
        this.input.removeAttribute('aria-activedescendant');
        if (document.activeElement !== this.input)
        {
            this.input.value = this.current;
        }
    }
}
