import { formatLocalTime } from '../model/format';
import type { Gap } from '../model/gaps';
import type { SocketState } from '../net/reconnecting-socket';

/** The connection pill: live, connecting, reconnecting with its countdown, or failed; plus the latest gap. */
export class StatusView
{
    private readonly states = new Map<string, SocketState>();
    private ticker: ReturnType<typeof setInterval> | null = null;

    constructor(private readonly pill: HTMLElement, private readonly text: HTMLElement, private readonly gapBadge: HTMLElement)
    {
    }

    setState(socket: string, state: SocketState): void
    {
        this.states.set(socket, state);
        this.render();
    }

    setGaps(gaps: readonly Gap[]): void
    {
        const last = gaps.at(-1);
        this.gapBadge.hidden = last === undefined;
        if (last !== undefined)
        {
            this.gapBadge.textContent = `gap ${formatLocalTime(last.fromMs)}–${formatLocalTime(last.toMs)}`;
            this.gapBadge.title = gaps.map((g) => `no upstream connection ${new Date(g.fromMs).toLocaleString()} – ${new Date(g.toMs).toLocaleString()}`).join('\n');
        }
    }

    reset(): void
    {
        this.states.clear();
        this.render();
    }

    private render(): void
    {
        const states = [...this.states.values()].filter((s) => s.kind !== 'closed');
        const failed = states.find((s) => s.kind === 'failed');
        const waiting = states.find((s) => s.kind === 'waiting');
        let kind: string;
        let text: string;
        if (failed !== undefined && failed.kind === 'failed')
        {
            kind = 'failed';
            text = failed.reason;
        }
        else if (waiting !== undefined && waiting.kind === 'waiting')
        {
            kind = 'reconnecting';
            const seconds = Math.max(0, Math.ceil((waiting.retryAtMs - Date.now()) / 1000));
            text = `reconnecting in ${seconds}s (try ${waiting.attempt})`;
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
        this.pill.dataset.state = kind;
        this.text.textContent = text;
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
