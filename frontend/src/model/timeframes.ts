// The contract's timeframes (docs/API.md section 2) and their bucket arithmetic in UTC, matching Binance's
// kline open times so that a volume bar and its candle share one time.

export const TIMEFRAMES = ['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d', '1w', '1M'] as const;

export type Timeframe = (typeof TIMEFRAMES)[number];

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** 1970-01-01 was a Thursday; weekly buckets start on Mondays, four days later. */
const MONDAY_OFFSET_MS = 4 * DAY_MS;

const FIXED_SIZE_MS: Readonly<Record<Exclude<Timeframe, '1M'>, number>> = {
    '1m': MINUTE_MS,
    '3m': 3 * MINUTE_MS,
    '5m': 5 * MINUTE_MS,
    '15m': 15 * MINUTE_MS,
    '30m': 30 * MINUTE_MS,
    '1h': HOUR_MS,
    '2h': 2 * HOUR_MS,
    '4h': 4 * HOUR_MS,
    '6h': 6 * HOUR_MS,
    '8h': 8 * HOUR_MS,
    '12h': 12 * HOUR_MS,
    '1d': DAY_MS,
    '1w': 7 * DAY_MS,
};

export function isTimeframe(code: string): code is Timeframe
{
    return (TIMEFRAMES as readonly string[]).includes(code);
}

export function bucketStartMs(timeMs: number, timeframe: Timeframe): number
{
    if (timeframe === '1M')
    {
        const date = new Date(timeMs);
        return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    }
    const size = FIXED_SIZE_MS[timeframe];
    const offset = timeframe === '1w' ? MONDAY_OFFSET_MS : 0;
    return Math.floor((timeMs - offset) / size) * size + offset;
}

/** The start of the bucket after the one starting at startMs. */
export function bucketEndMs(startMs: number, timeframe: Timeframe): number
{
    if (timeframe === '1M')
    {
        const date = new Date(startMs);
        return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    }
    return startMs + FIXED_SIZE_MS[timeframe];
}

/** The start of the bucket count buckets before the one containing timeMs. */
export function bucketsBeforeMs(timeMs: number, timeframe: Timeframe, count: number): number
{
    const start = bucketStartMs(timeMs, timeframe);
    if (timeframe === '1M')
    {
        const date = new Date(start);
        return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - count, 1);
    }
    return start - count * FIXED_SIZE_MS[timeframe];
}
