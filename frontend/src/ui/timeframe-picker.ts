import { OFFERED_CUSTOM_TIMEFRAMES, parseTimeframe, TIMEFRAMES, type Timeframe } from '../model/timeframes';
import { element } from './dom';

const RULE = 'Minutes or hours that divide 24 h (10m, 90m, 3h) or 1–90 days (2d); 7m or 25h are not timeframes.';

/**
 * One button per timeframe of the contract and per offered custom one, a field to type any other custom one,
 * and the same choice as a select for the compact header.
 */
export class TimeframePicker
{
    private readonly buttons = new Map<Timeframe, HTMLButtonElement>();
    private readonly input = element('input', 'tf-input');

    constructor(container: HTMLElement, private readonly select: HTMLSelectElement, onPick: (timeframe: Timeframe) => void)
    {
        for (const timeframe of [...TIMEFRAMES, ...OFFERED_CUSTOM_TIMEFRAMES])
        {
            const custom = !(TIMEFRAMES as readonly string[]).includes(timeframe);
            const button = element('button', custom ? 'tf tf-custom' : 'tf', timeframe);
            button.type = 'button';
            button.dataset.tf = timeframe;
            button.addEventListener('click', () => onPick(timeframe));
            this.buttons.set(timeframe, button);
            container.append(button);
            this.addOption(timeframe);
        }
        const suggestions = element('datalist');
        suggestions.id = 'timeframe-suggestions';
        for (const timeframe of OFFERED_CUSTOM_TIMEFRAMES)
        {
            const option = element('option');
            option.value = timeframe;
            suggestions.append(option);
        }
        this.input.setAttribute('list', suggestions.id);
        this.input.type = 'text';
        this.input.placeholder = 'custom';
        this.input.size = 5;
        this.input.title = RULE;
        this.input.setAttribute('aria-label', 'Custom timeframe');
        this.input.dataset.testid = 'timeframe-custom';
        this.input.addEventListener('keydown', (event) =>
        {
            if (event.key !== 'Enter')
            {
                return;
            }
            const timeframe = parseTimeframe(this.input.value);
            this.input.setAttribute('aria-invalid', String(timeframe === null));
            if (timeframe !== null)
            {
                this.input.value = '';
                onPick(timeframe);
            }
        });
        container.append(this.input, suggestions);
        select.addEventListener('change', () =>
        {
            const timeframe = parseTimeframe(select.value);
            if (timeframe !== null)
            {
                onPick(timeframe);
            }
        });
    }

    show(timeframe: Timeframe): void
    {
        for (const [code, button] of this.buttons)
        {
            button.classList.toggle('active', code === timeframe);
            button.setAttribute('aria-pressed', String(code === timeframe));
        }
        if (!Array.from(this.select.options).some((option) => option.value === timeframe))
        {
            this.addOption(timeframe);
        }
        this.select.value = timeframe;
        this.input.classList.toggle('active', !this.buttons.has(timeframe));
        this.input.placeholder = this.buttons.has(timeframe) ? 'custom' : timeframe;
    }

    private addOption(timeframe: Timeframe): void
    {
        const option = element('option', '', timeframe);
        option.value = timeframe;
        this.select.append(option);
    }
}
