// The contract's timeframes (docs/API.md section 2) and their bucket arithmetic in UTC, matching Binance's
// kline open times so that a volume bar and its candle share one time; and custom ones (section 2.2): a whole
// number of minutes or hours dividing 24 h (a bucket starts at every 00:00 UTC), or of days from 1 to 90
// (counted from the Unix epoch), each bucket starting at floor(t / size) * size, as the server buckets them.

export const TIMEFRAMES = ['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d', '1w', '1M'] as const;

/** Custom timeframes the picker offers; any other that the rule allows can be typed. */
export const OFFERED_CUSTOM_TIMEFRAMES = ['10m', '20m', '3h', '2d', '3d'] as const;

/** A standard code, or a custom one in its largest whole unit (see parseTimeframe). */
export type Timeframe = string;

type Standard = (typeof TIMEFRAMES)[number];

const MAX_CUSTOM_DAYS = 90;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** 1970-01-01 was a Thursday; weekly buckets start on Mondays, four days later. */
const MONDAY_OFFSET_MS = 4 * DAY_MS;

const FIXED_SIZE_MS: Readonly<Record<Exclude<Standard, '1M'>, number>> = {
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

const UNIT_MS: Readonly<Record<string, number>> = { m: MINUTE_MS, h: HOUR_MS, d: DAY_MS };
const CUSTOM = /^([1-9]\d{0,5})([mhd])$/;

function isStandard(code: string): code is Standard
{
    return (TIMEFRAMES as readonly string[]).includes(code);
}

/**
 * The timeframe a typed code names, in its largest whole unit as the server answers it ('120m' is '2h', '24h' is
 * '1d'); null when it is neither standard nor allowed by the custom rule ('7m', '25h', '91d').
 */
export function parseTimeframe(raw: string): Timeframe | null
{
    const code = raw.trim();
    if (isStandard(code))
    {
        return code;
    }
    const match = CUSTOM.exec(code);
    if (match === null)
    {
        return null;
    }
    const size = Number(match[1]) * UNIT_MS[match[2]];
    const fits = size % DAY_MS === 0 ? size / DAY_MS <= MAX_CUSTOM_DAYS : DAY_MS % size === 0;
    if (!fits)
    {
        return null;
    }
    return size % DAY_MS === 0 ? `${size / DAY_MS}d` : size % HOUR_MS === 0 ? `${size / HOUR_MS}h` : `${size / MINUTE_MS}m`;
}

/** A code exactly as the server names a timeframe (standard, or custom in its largest unit). */
export function isTimeframe(code: string): code is Timeframe
{
    return parseTimeframe(code) === code;
}

/** Fixed bucket size; custom sizes from their code. */
function sizeMs(timeframe: Exclude<Timeframe, '1M'>): number
{
    if (isStandard(timeframe) && timeframe !== '1M')
    {
        return FIXED_SIZE_MS[timeframe];
    }
    const match = CUSTOM.exec(timeframe);
    return match === null ? Number.NaN : Number(match[1]) * UNIT_MS[match[2]];
}

export function bucketStartMs(timeMs: number, timeframe: Timeframe): number
{
    if (timeframe === '1M')
    {
        const date = new Date(timeMs);
        return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    }
    const size = sizeMs(timeframe);
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
    return startMs + sizeMs(timeframe);
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
    return start - count * sizeMs(timeframe);
}

/** The standard sizes a custom bucket can be summed from, largest first (docs/API.md section 2.2). */
const BASE_SIZES_MS = [DAY_MS, 12 * HOUR_MS, 8 * HOUR_MS, 6 * HOUR_MS, 4 * HOUR_MS, 2 * HOUR_MS, HOUR_MS, 30 * MINUTE_MS,
    15 * MINUTE_MS, 5 * MINUTE_MS, 3 * MINUTE_MS, MINUTE_MS];
/** The server reads at most this many base buckets per volume answer, and base candles per klines answer. */
const MAX_BASE_BUCKETS = 5000;

/**
 * How many bars to load per page of history: `page`, or fewer for a custom timeframe whose base buckets would not fit
 * one answer of the server (as many as its default range holds).
 */
export function historyPageBars(timeframe: Timeframe, page: number): number
{
    if (isStandard(timeframe))
    {
        return page;
    }
    const size = sizeMs(timeframe);
    const base = BASE_SIZES_MS.find((candidate) => size % candidate === 0) ?? MINUTE_MS;
    const perBar = size / base;
    return Math.max(1, Math.min(page, Math.floor(MAX_BASE_BUCKETS / perBar)));
}

