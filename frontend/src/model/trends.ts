// The chart's trend views (docs/API.md section 2 buckets, in the page): delta, cumulative delta over the visible
// range, a moving average of total volume and the long/short ratio, each computed from the buckets' exact decimal
// strings (never through binary floating point) and handed to the chart as a value per bar time.
import { addDecimal, divideDecimal, subtractDecimal } from './decimal';
import type { VolumeBucket } from './messages';

export interface TrendPoint
{
    /** The bar's time in epoch seconds. */
    readonly time: number;
    readonly value: string;
}

/** Which trend views are on, and the moving average's length in bars. */
export interface TrendSettings
{
    readonly delta: boolean;
    readonly cumulativeDelta: boolean;
    readonly average: boolean;
    readonly averageBars: number;
    readonly ratio: boolean;
}

export const AVERAGE_BAR_CHOICES = [7, 14, 20, 50] as const;

export const NO_TRENDS: TrendSettings = { delta: false, cumulativeDelta: false, average: false, averageBars: 20, ratio: false };

/** Shorts liquidated (buy) minus longs liquidated (sell), per bar. */
export function deltaSeries(buckets: readonly VolumeBucket[]): TrendPoint[]
{
    return buckets.map((bucket) => ({ time: bucket.time, value: subtractDecimal(bucket.buy, bucket.sell) }));
}

/** The running sum of the delta over the bars from `fromTime` to `toTime` (inclusive, epoch seconds). */
export function cumulativeDelta(buckets: readonly VolumeBucket[], fromTime: number, toTime: number): TrendPoint[]
{
    const points: TrendPoint[] = [];
    let sum = '0';
    for (const bucket of buckets)
    {
        if (bucket.time >= fromTime && bucket.time <= toTime)
        {
            sum = addDecimal(sum, subtractDecimal(bucket.buy, bucket.sell));
            points.push({ time: bucket.time, value: sum });
        }
    }
    return points;
}

/** The mean total volume of each bar and the `bars − 1` before it, to the cent; from the `bars`-th bar on. */
export function movingAverage(buckets: readonly VolumeBucket[], bars: number): TrendPoint[]
{
    const points: TrendPoint[] = [];
    let sum = '0';
    for (let i = 0; i < buckets.length; i++)
    {
        sum = addDecimal(sum, buckets[i].total);
        if (i >= bars)
        {
            sum = subtractDecimal(sum, buckets[i - bars].total);
        }
        if (i >= bars - 1)
        {
            points.push({ time: buckets[i].time, value: divideDecimal(sum, String(bars), 2) ?? '0' });
        }
    }
    return points;
}

/** Longs liquidated over shorts liquidated (sell / buy) to 4 decimals; none for a bar without shorts. */
export function longShortRatio(buckets: readonly VolumeBucket[]): TrendPoint[]
{
    const points: TrendPoint[] = [];
    for (const bucket of buckets)
    {
        const ratio = divideDecimal(bucket.sell, bucket.buy, 4);
        if (ratio !== null)
        {
            points.push({ time: bucket.time, value: ratio });
        }
    }
    return points;
}
