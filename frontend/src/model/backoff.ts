// Capped exponential reconnect delay with full jitter. The attempt count resets only after a connection
// stayed up for a healthy period, so a server that accepts and then closes at once is not hammered in a loop.

export interface BackoffOptions
{
    readonly initialMs: number;
    readonly maxMs: number;
    readonly healthyAfterMs: number;
}

/** Capped near 5 s: a trader's page must come back soon after the server does. */
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 5000, healthyAfterMs: 30_000 };

export class Backoff
{
    private attempts = 0;
    private connectedAtMs: number | null = null;

    constructor(private readonly options: BackoffOptions = DEFAULT_BACKOFF, private readonly random: () => number = Math.random)
    {
    }

    get attemptCount(): number
    {
        return this.attempts;
    }

    onConnected(nowMs: number): void
    {
        this.connectedAtMs = nowMs;
    }

    /** Called when a connection closed or failed; returns how long to wait before the next try. */
    nextDelayMs(nowMs: number): number
    {
        if (this.connectedAtMs !== null && nowMs - this.connectedAtMs >= this.options.healthyAfterMs)
        {
            this.attempts = 0;
        }
        this.connectedAtMs = null;
        const ceiling = Math.min(this.options.maxMs, this.options.initialMs * 2 ** Math.min(this.attempts, 30));
        this.attempts++;
        // At least a quarter of the ceiling, so that jitter never turns into an immediate retry.
        return Math.round(ceiling / 4 + this.random() * ceiling * 0.75);
    }
}
