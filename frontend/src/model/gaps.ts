import { bucketEndMs, type Timeframe } from './timeframes';

/** An interval without a live upstream connection, [fromMs, toMs). */
export interface Gap
{
    readonly fromMs: number;
    readonly toMs: number;
}

function readGap(value: unknown): Gap | null
{
    if (typeof value !== 'object' || value === null)
    {
        return null;
    }
    const record = value as Record<string, unknown>;
    const fromMs = record.fromMs ?? record.from ?? record.from_ms ?? record.start;
    const toMs = record.toMs ?? record.to ?? record.to_ms ?? record.end;
    return typeof fromMs === 'number' && typeof toMs === 'number' && fromMs < toMs ? { fromMs, toMs } : null;
}

/** Every gap listed under a "gaps" key anywhere in a /health answer. */
export function extractGaps(health: unknown): Gap[]
{
    const found: Gap[] = [];
    const visit = (value: unknown, depth: number): void =>
    {
        if (typeof value !== 'object' || value === null || depth > 6)
        {
            return;
        }
        for (const [key, child] of Object.entries(value as Record<string, unknown>))
        {
            if (key === 'gaps' && Array.isArray(child))
            {
                for (const element of child)
                {
                    const gap = readGap(element);
                    if (gap !== null)
                    {
                        found.push(gap);
                    }
                }
            }
            else
            {
                visit(child, depth + 1);
            }
        }
    };
    visit(health, 0);
    return found;
}

/** Known gaps, overlapping ones joined. */
export class GapSet
{
    private intervals: Gap[] = [];

    get list(): readonly Gap[]
    {
        return this.intervals;
    }

    /** Returns whether the set changed. */
    add(gap: Gap): boolean
    {
        if (gap.fromMs >= gap.toMs || this.intervals.some((g) => g.fromMs <= gap.fromMs && gap.toMs <= g.toMs))
        {
            return false;
        }
        const joined: Gap[] = [];
        let current = gap;
        for (const existing of this.intervals)
        {
            if (existing.toMs < current.fromMs || current.toMs < existing.fromMs)
            {
                joined.push(existing);
            }
            else
            {
                current = { fromMs: Math.min(existing.fromMs, current.fromMs), toMs: Math.max(existing.toMs, current.toMs) };
            }
        }
        joined.push(current);
        this.intervals = joined.sort((a, b) => a.fromMs - b.fromMs);
        return true;
    }

    /** The bar times (epoch seconds) whose bucket overlaps a gap. */
    shadedTimes(barTimesSec: readonly number[], timeframe: Timeframe): number[]
    {
        if (this.intervals.length === 0)
        {
            return [];
        }
        return barTimesSec.filter((timeSec) =>
        {
            const startMs = timeSec * 1000;
            const endMs = bucketEndMs(startMs, timeframe);
            return this.intervals.some((gap) => gap.fromMs < endMs && startMs < gap.toMs);
        });
    }
}
