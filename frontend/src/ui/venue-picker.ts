import { isAllVenues, toggleVenue, VENUE_LABELS, VENUE_SHORT, VENUES, type Venue } from '../model/venues';
import { element } from './dom';

/**
 * The venue selector in the header: a button naming the selection that opens a group of checkboxes, "All" and one
 * per venue with its chart colour. At least one venue stays selected (the last one's box cannot be cleared); Escape or
 * leaving the group closes it.
 */
export class VenuePicker
{
    private readonly all: HTMLInputElement;
    private readonly boxes = new Map<Venue, HTMLInputElement>();
    private selection: readonly Venue[] = VENUES;

    constructor(
        private readonly button: HTMLButtonElement,
        private readonly menu: HTMLElement,
        private readonly onChange: (venues: readonly Venue[]) => void,
    )
    {
        this.all = this.checkbox(menu, 'All venues', 'all');
        this.all.addEventListener('change', () => this.choose(VENUES));
        for (const venue of VENUES)
        {
            const box = this.checkbox(menu, VENUE_LABELS[venue], venue);
            box.addEventListener('change', () => this.choose(toggleVenue(this.selection, venue)));
            this.boxes.set(venue, box);
        }
        button.addEventListener('click', () => this.setOpen(menu.hidden !== false));
        menu.addEventListener('keydown', (event) =>
        {
            if (event.key === 'Escape')
            {
                this.setOpen(false);
                button.focus();
            }
        });
        for (const part of [button, menu])
        {
            part.addEventListener('focusout', (event) =>
            {
                const next = event.relatedTarget;
                if (!(next instanceof Node) || (!menu.contains(next) && next !== button))
                {
                    this.setOpen(false);
                }
            });
        }
    }

    /** Shows a selection (from the URL) without calling back. */
    show(venues: readonly Venue[]): void
    {
        this.selection = venues;
        const all = isAllVenues(venues);
        this.all.checked = all;
        this.all.disabled = all;
        for (const [venue, box] of this.boxes)
        {
            box.checked = venues.includes(venue);
            box.disabled = box.checked && venues.length === 1;
        }
        const long = all ? 'All venues' : venues.map((venue) => VENUE_LABELS[venue]).join(', ');
        const short = all ? 'All' : venues.map((venue) => VENUE_SHORT[venue]).join('+');
        // on a phone a subset is its venues' colours (the names are the button's title and accessible name)
        const swatches = element('span', 'swatches');
        swatches.setAttribute('aria-hidden', 'true');
        swatches.append(...(all ? [element('span', '', 'All')] : venues.map((venue) => element('i', `swatch ${venue}`))));
        this.button.replaceChildren(
            element('span', 'visually-hidden', `Venues: ${long}`),
            element('span', 'long', long),
            element('span', 'short', short),
            swatches,
        );
        for (const label of this.button.querySelectorAll('.long, .short'))
        {
            label.setAttribute('aria-hidden', 'true');
        }
        this.button.title = `Venues: ${long}`;
    }

    private choose(venues: readonly Venue[]): void
    {
        this.show(venues);
        this.onChange(venues);
    }

    private setOpen(open: boolean): void
    {
        this.menu.hidden = !open;
        this.button.setAttribute('aria-expanded', String(open));
        if (open)
        {
            this.menu.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
        }
    }

    private checkbox(menu: HTMLElement, text: string, key: string): HTMLInputElement
    {
        const label = element('label', 'venue-option');
        const box = element('input');
        box.type = 'checkbox';
        box.dataset.venue = key;
        label.append(box, element('i', `swatch ${key}`), text);
        menu.append(label);
        return box;
    }
}
