/** The market's long/short volume over time (GET /api/v1/volume, docs/API.md §4.14) as the market page draws it. */
import type { MarketWindow } from './overview';

export interface MarketBar
{
    readonly timeMs: number;
    /** Longs liquidated: the SELL orders' notional, an exact decimal string. */
    readonly longVolume: string;
    /** Shorts liquidated: the BUY orders' notional. */
    readonly shortVolume: string;
    readonly count: number;
}

export interface MarketVolume
{
    readonly timeframe: string;
    readonly startMs: number;
    readonly endMs: number;
    readonly bars: readonly MarketBar[];
}

/** The bucket size that draws each window in about 50 to 60 bars. */
const TIMEFRAME_OF: Record<MarketWindow, string> = { '1h': '1m', '4h': '5m', '12h': '15m', '24h': '30m' };

export function histogramTimeframe(window: MarketWindow): string
{
    return TIMEFRAME_OF[window];
}

/** The request path for a window's histogram over {@code [startMs, endMs)}. */
export function marketVolumePath(window: MarketWindow, startMs: number, endMs: number): string
{
    return `/api/v1/volume?timeframe=${histogramTimeframe(window)}&start=${startMs}&end=${endMs}`;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json
{
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bar(json: unknown): MarketBar
{
    if (!isObject(json) || typeof json.timestamp_ms !== 'number' || typeof json.sell_volume !== 'string'
        || typeof json.buy_volume !== 'string' || typeof json.count !== 'number')
    {
        throw new Error('not a bucket');
    }
    return { timeMs: json.timestamp_ms, longVolume: json.sell_volume, shortVolume: json.buy_volume, count: json.count };
}

/** The answer of {@link marketVolumePath}, or null when it is not one. */
export function parseMarketVolume(json: unknown): MarketVolume | null
{
    if (!isObject(json) || typeof json.timeframe !== 'string' || typeof json.start_time !== 'number'
        || typeof json.end_time !== 'number' || !Array.isArray(json.data))
    {
        return null;
    }
    try
    {
        return { timeframe: json.timeframe, startMs: json.start_time, endMs: json.end_time, bars: json.data.map(bar) };
    }
    catch
    {
        return null;
    }
}

/** Each bar's long and short height as a share (0 to 1) of the tallest bar's total. */
export function barShares(bars: readonly MarketBar[]): { long: number; short: number }[]
{
    const totals = bars.map((entry) => Number(entry.longVolume) + Number(entry.shortVolume));
    const tallest = Math.max(0, ...totals);
    return bars.map((entry) => tallest === 0
        ? { long: 0, short: 0 }
        : { long: Number(entry.longVolume) / tallest, short: Number(entry.shortVolume) / tallest });
}
