import { bucketsBeforeMs, type Timeframe } from './timeframes';

/** One cell of the realized heatmap (docs/API.md §4.13): a bucket's liquidations within a price bin. */
export interface HeatmapCell
{
    readonly timeSec: number;
    readonly low: number;
    readonly high: number;
    /** Exact decimal strings, as the server sent them. */
    readonly buy: string;
    readonly sell: string;
    readonly total: string;
    readonly count: number;
}

export interface Heatmap
{
    readonly binSize: string;
    readonly cells: readonly HeatmapCell[];
    /** The largest cell total, for the colour scale; 0 without cells. */
    readonly maxTotal: number;
}

/** Bins asked for; the server's default. */
export const HEATMAP_BINS = 50;
/** The server's cell limit (§4.13) and its range limit in buckets (§2). */
const MAX_CELLS = 150_000;
const MAX_BUCKETS = 5_000;

function readCell(value: unknown): HeatmapCell | null
{
    if (typeof value !== 'object' || value === null)
    {
        return null;
    }
    const cell = value as Record<string, unknown>;
    const { time, price_low: low, price_high: high, buy_volume: buy, sell_volume: sell, total_volume: total, count } = cell;
    if (typeof time !== 'number' || typeof low !== 'string' || typeof high !== 'string' || typeof buy !== 'string'
        || typeof sell !== 'string' || typeof total !== 'string' || typeof count !== 'number')
    {
        return null;
    }
    return { timeSec: time, low: Number(low), high: Number(high), buy, sell, total, count };
}

/** The heatmap answer, or null for anything else; malformed cells are left out. */
export function readHeatmap(json: unknown): Heatmap | null
{
    if (typeof json !== 'object' || json === null)
    {
        return null;
    }
    const answer = json as Record<string, unknown>;
    if (answer.kind !== 'realized' || !Array.isArray(answer.cells) || typeof answer.bin_size !== 'string')
    {
        return null;
    }
    const cells = answer.cells.map(readCell).filter((cell): cell is HeatmapCell => cell !== null);
    const maxTotal = cells.reduce((max, cell) => Math.max(max, Number(cell.total)), 0);
    return { binSize: answer.bin_size, cells, maxTotal };
}

/** How strongly a cell is drawn, 0..1: by its share of the largest, on a square-root scale so that small ones show. */
export function heatmapIntensity(total: string, maxTotal: number): number
{
    return maxTotal > 0 ? Math.sqrt(Math.min(1, Number(total) / maxTotal)) : 0;
}

/**
 * The range to ask for: from the first loaded bar (or the default 500 buckets back) to now, shortened from the
 * left to what the server answers in one heatmap.
 */
export function heatmapRangeMs(firstTimeSec: number | null, nowMs: number, timeframe: Timeframe, bins: number): { startMs: number; endMs: number }
{
    const buckets = Math.min(MAX_BUCKETS, Math.floor(MAX_CELLS / bins)) - 1;
    const earliestMs = bucketsBeforeMs(nowMs, timeframe, buckets);
    const wantedMs = firstTimeSec === null ? bucketsBeforeMs(nowMs, timeframe, 499) : firstTimeSec * 1000;
    return { startMs: Math.max(earliestMs, wantedMs), endMs: nowMs + 1 };
}
