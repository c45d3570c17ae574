import { element } from './dom';

export interface NoticeElements
{
    readonly message: HTMLElement;
    readonly oldest: HTMLElement;
    readonly live: HTMLButtonElement;
}

/** What the chart says over itself: a view it cannot show, "no older data", and "jump to live". */
export class ChartNotices
{
    constructor(private readonly elements: NoticeElements, onJumpToLive: () => void)
    {
        elements.live.addEventListener('click', onJumpToLive);
    }

    showMessage(title: string, detail: string): void
    {
        this.elements.message.replaceChildren(element('strong', '', title), element('span', '', detail));
        this.elements.message.hidden = false;
    }

    reset(): void
    {
        this.elements.message.hidden = true;
        this.elements.message.replaceChildren();
        this.setOldest(false);
        this.setAwayFromLive(false);
    }

    setOldest(shown: boolean): void
    {
        this.elements.oldest.hidden = !shown;
    }

    setAwayFromLive(away: boolean): void
    {
        this.elements.live.hidden = !away;
    }
}
