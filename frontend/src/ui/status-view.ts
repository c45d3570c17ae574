import { formatLocalDateTime, formatLocalTime } from '../model/format';
import type { Gap } from '../model/gaps';
import type { SocketState } from '../net/reconnecting-socket';
import { element } from './dom';

export interface StatusElements
{
    readonly pill: HTMLElement;
    /** The live region: states are announced, the countdown beside it is not. */
    readonly text: HTMLElement;
    readonly countdown: HTMLElement;
    readonly retry: HTMLButtonElement;
    readonly gapBadge: HTMLElement;
    readonly recordingSince: HTMLElement;
    /** Marked data-stale while a connection that was live is down. */
    readonly layout: HTMLElement;
    readonly staleNote: HTMLElement;
}

const GAP_KIND_TEXT: Readonly<Record<string, string>> = {
    upstream: 'no upstream connection',
    journal: 'not journaled',
    downtime: 'server was down',
};

/** What the page says for a server's refusal: words for a trader, not the raw error code. */
export function failureText(code: string, reason: string): string
{
    switch (code)
    {
        case 'unknown_symbol':
            return 'unknown symbol';
        case 'invalid_timeframe':
            return 'unknown timeframe';
        default:
            return reason === '' ? 'refused by the server' : reason;
    }
}

/**
 * The connection pill (live, connecting, reconnecting with its countdown and "retry now", or failed), the
 * latest notable gap, "recording since", and the stale marking of chart and table while disconnected.
 */
export class StatusView
{
    private readonly states = new Map<string, SocketState>();
    private ticker: ReturnType<typeof setInterval> | null = null;
    private everLive = false;

    constructor(private readonly elements: StatusElements, onRetry: () => void)
    {
        elements.retry.addEventListener('click', onRetry);
    }

    setState(socket: string, state: SocketState): void
    {
        this.states.set(socket, state);
        this.render();
    }

    /** The notable (a second or longer) gaps; sub-second ones are not worth a badge. */
    setGaps(gaps: readonly Gap[]): void
    {
        const last = gaps.at(-1);
        const badge = this.elements.gapBadge;
        badge.hidden = last === undefined;
        if (last !== undefined)
        {
            const span = `${formatLocalTime(last.fromMs)}–${formatLocalTime(last.toMs)}`;
            badge.replaceChildren(element('span', 'long', `not recorded ${span}`), element('span', 'short', 'gap'));
            badge.title = gaps
                .map((g) => `${GAP_KIND_TEXT[g.kind ?? 'upstream']}: ${formatLocalDateTime(g.fromMs)} – ${formatLocalDateTime(g.toMs)}`)
                .join('\n');
            badge.setAttribute('aria-label', `not recorded ${span}`);
        }
    }

    setRecordingSince(sinceMs: number | null): void
    {
        const node = this.elements.recordingSince;
        node.hidden = sinceMs === null;
        node.textContent = sinceMs === null ? '' : `recording since ${formatLocalDateTime(sinceMs)}`;
    }

    reset(): void
    {
        this.states.clear();
        this.everLive = false;
        this.render();
    }

    private render(): void
    {
        const states = [...this.states.values()].filter((s) => s.kind !== 'closed');
        const failed = states.find((s) => s.kind === 'failed');
        const waiting = states.find((s) => s.kind === 'waiting');
        let kind: string;
        let text: string;
        let countdown = '';
        if (failed !== undefined && failed.kind === 'failed')
        {
            kind = 'failed';
            text = failureText(failed.code, failed.reason);
        }
        else if (waiting !== undefined && waiting.kind === 'waiting')
        {
            kind = 'reconnecting';
            const seconds = Math.max(0, Math.ceil((waiting.retryAtMs - Date.now()) / 1000));
            text = 'reconnecting';
            countdown = `in ${seconds}s`;
        }
        else if (states.length > 0 && states.every((s) => s.kind === 'open'))
        {
            kind = 'live';
            text = 'live';
        }
        else
        {
            kind = 'connecting';
            text = 'connecting…';
        }
        this.everLive ||= kind === 'live';
        const stale = this.everLive && kind !== 'live';
        this.elements.pill.dataset.state = kind;
        this.elements.retry.hidden = kind !== 'reconnecting';
        this.elements.layout.dataset.stale = String(stale);
        this.elements.staleNote.hidden = !stale;
        if (this.elements.text.textContent !== text)
        {
            this.elements.text.textContent = text;
        }
        this.elements.countdown.textContent = countdown;
        this.tickWhile(kind === 'reconnecting');
    }

    private tickWhile(counting: boolean): void
    {
        if (counting && this.ticker === null)
        {
            this.ticker = setInterval(() => this.render(), 1000);
        }
        else if (!counting && this.ticker !== null)
        {
            clearInterval(this.ticker);
            this.ticker = null;
        }
    }
}
