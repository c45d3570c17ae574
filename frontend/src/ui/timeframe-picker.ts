import { TIMEFRAMES, type Timeframe } from '../model/timeframes';
import { element } from './dom';

/** One button per timeframe of the contract. */
export class TimeframePicker
{
    private readonly buttons = new Map<Timeframe, HTMLButtonElement>();

    constructor(container: HTMLElement, onPick: (timeframe: Timeframe) => void)
    {
        for (const timeframe of TIMEFRAMES)
        {
            const button = element('button', 'tf', timeframe);
            button.type = 'button';
            button.dataset.tf = timeframe;
            button.addEventListener('click', () => onPick(timeframe));
            this.buttons.set(timeframe, button);
            container.append(button);
        }
    }

    show(timeframe: Timeframe): void
    {
        for (const [code, button] of this.buttons)
        {
            button.classList.toggle('active', code === timeframe);
            button.setAttribute('aria-pressed', String(code === timeframe));
        }
    }
}
