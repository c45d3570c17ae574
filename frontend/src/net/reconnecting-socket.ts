import { Backoff } from '../model/backoff';

export type SocketState =
    | { readonly kind: 'connecting'; readonly attempt: number }
    | { readonly kind: 'open' }
    | { readonly kind: 'waiting'; readonly retryAtMs: number; readonly attempt: number }
    | { readonly kind: 'failed'; readonly code: string; readonly reason: string }
    | { readonly kind: 'closed' };

export interface SocketHandlers
{
    onOpen(): void;
    onMessage(text: string): void;
    onState(state: SocketState): void;
}

/** The part of the browser's WebSocket this class uses, so tests can hand in their own. */
export interface SocketLike
{
    readonly readyState: number;
    onopen: ((event: Event) => void) | null;
    onmessage: ((event: MessageEvent) => void) | null;
    onclose: ((event: CloseEvent) => void) | null;
    onerror: ((event: Event) => void) | null;
    send(data: string): void;
    close(code?: number, reason?: string): void;
}

export interface SocketTiming
{
    readonly pingEveryMs: number;
    /** Without any message for this long (the server sends heartbeats every 30 s) the socket is taken as dead. */
    readonly staleAfterMs: number;
}

const DEFAULT_TIMING: SocketTiming = { pingEveryMs: 20_000, staleAfterMs: 75_000 };
const OPEN = 1;
/** The server closes with 1008 after an error message (unknown symbol or timeframe): retrying cannot help. */
const POLICY_VIOLATION = 1008;

/**
 * One WebSocket that reconnects with capped, jittered backoff, pings the server, and drops a connection
 * that went silent. close() ends it for good: a view closes its sockets before the next view opens its own.
 */
export class ReconnectingSocket
{
    private socket: SocketLike | null = null;
    private retryTimer: ReturnType<typeof setTimeout> | null = null;
    private pingTimer: ReturnType<typeof setInterval> | null = null;
    private lastMessageAtMs = 0;
    private stopped = false;
    private lastError: { readonly code: string; readonly message: string } | null = null;

    constructor(
        private readonly url: string,
        private readonly handlers: SocketHandlers,
        private readonly backoff: Backoff = new Backoff(),
        private readonly createSocket: (url: string) => SocketLike = (u) => new WebSocket(u),
        private readonly timing: SocketTiming = DEFAULT_TIMING,
        private readonly now: () => number = Date.now,
    )
    {
    }

    start(): void
    {
        this.connect();
    }

    /** Sends if connected; returns whether it did. */
    send(message: unknown): boolean
    {
        if (this.socket === null || this.socket.readyState !== OPEN)
        {
            return false;
        }
        this.socket.send(JSON.stringify(message));
        return true;
    }

    /** Remembers the server's error message, shown if the server then closes for good. */
    noteError(code: string, message: string): void
    {
        this.lastError = { code, message };
    }

    /** Skips the rest of the wait before the next try (the user asked to retry now). */
    retryNow(): void
    {
        if (this.retryTimer !== null && !this.stopped)
        {
            clearTimeout(this.retryTimer);
            this.connect();
        }
    }

    close(): void
    {
        this.stopped = true;
        this.clearTimers();
        const socket = this.socket;
        this.socket = null;
        if (socket !== null)
        {
            socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
            socket.close(1000, 'view closed');
        }
        this.handlers.onState({ kind: 'closed' });
    }

    private connect(): void
    {
        this.retryTimer = null;
        this.handlers.onState({ kind: 'connecting', attempt: this.backoff.attemptCount });
        const socket = this.createSocket(this.url);
        this.socket = socket;
        socket.onopen = () =>
        {
            this.backoff.onConnected(this.now());
            this.lastMessageAtMs = this.now();
            this.pingTimer = setInterval(() => this.checkAlive(), this.timing.pingEveryMs);
            this.handlers.onState({ kind: 'open' });
            this.handlers.onOpen();
        };
        socket.onmessage = (event) =>
        {
            this.lastMessageAtMs = this.now();
            if (typeof event.data === 'string')
            {
                this.handlers.onMessage(event.data);
            }
        };
        socket.onclose = (event) => this.onClosed(event.code);
        socket.onerror = () =>
        {
            // A close event always follows; reconnecting is decided there.
        };
    }

    private checkAlive(): void
    {
        if (this.now() - this.lastMessageAtMs > this.timing.staleAfterMs)
        {
            this.socket?.close(4000, 'stale');
            this.onClosed(4000);
            return;
        }
        this.send({ type: 'ping' });
    }

    private onClosed(code: number): void
    {
        const socket = this.socket;
        if (socket !== null)
        {
            socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
        }
        this.socket = null;
        this.clearTimers();
        if (this.stopped)
        {
            return;
        }
        if (code === POLICY_VIOLATION)
        {
            this.stopped = true;
            this.handlers.onState({
                kind: 'failed',
                code: this.lastError?.code ?? 'rejected',
                reason: this.lastError?.message ?? 'rejected by the server',
            });
            return;
        }
        const delayMs = this.backoff.nextDelayMs(this.now());
        this.handlers.onState({ kind: 'waiting', retryAtMs: this.now() + delayMs, attempt: this.backoff.attemptCount });
        this.retryTimer = setTimeout(() => this.connect(), delayMs);
    }

    private clearTimers(): void
    {
        if (this.retryTimer !== null)
        {
            clearTimeout(this.retryTimer);
            this.retryTimer = null;
        }
        if (this.pingTimer !== null)
        {
            clearInterval(this.pingTimer);
            this.pingTimer = null;
        }
    }
}
