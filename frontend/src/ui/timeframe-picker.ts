import { isTimeframe, TIMEFRAMES, type Timeframe } from '../model/timeframes';
import { element } from './dom';

/** One button per timeframe of the contract, and the same choice as a select for the compact header. */
export class TimeframePicker
{
    private readonly buttons = new Map<Timeframe, HTMLButtonElement>();

    constructor(container: HTMLElement, private readonly select: HTMLSelectElement, onPick: (timeframe: Timeframe) => void)
    {
        for (const timeframe of TIMEFRAMES)
        {
            const button = element('button', 'tf', timeframe);
            button.type = 'button';
            button.dataset.tf = timeframe;
            button.addEventListener('click', () => onPick(timeframe));
            this.buttons.set(timeframe, button);
            container.append(button);
            const option = element('option', '', timeframe);
            option.value = timeframe;
            select.append(option);
        }
        select.addEventListener('change', () =>
        {
            if (isTimeframe(select.value))
            {
                onPick(select.value);
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
        this.select.value = timeframe;
    }
}
