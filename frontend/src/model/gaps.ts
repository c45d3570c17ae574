/** Why an interval was not recorded live (the gaps endpoint's kinds; "upstream" where the source does not say). */
export type GapKind = 'upstream' | 'journal' | 'downtime';

/** An interval that was not recorded live, [fromMs, toMs). */
export interface Gap
{
    readonly fromMs: number;
    readonly toMs: number;
    readonly kind?: GapKind;
}

/** Gaps shorter than this are kept in the data but not worth a badge (a reconnect at start-up). */
export const BADGE_MIN_GAP_MS = 1000;

/** The answer of GET /api/v1/gaps, or what /health says when that endpoint is not there. */
export interface GapsAnswer
{
    readonly recordingSinceMs: number | null;
    readonly gaps: readonly Gap[];
}

function readKind(value: unknown): GapKind | undefined
{
    return value === 'upstream' || value === 'journal' || value === 'downtime' ? value : undefined;
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
    if (typeof fromMs !== 'number' || typeof toMs !== 'number' || fromMs >= toMs)
    {
        return null;
    }
    const kind = readKind(record.kind);
    return kind === undefined ? { fromMs, toMs } : { fromMs, toMs, kind };
}

function readTimeMs(value: unknown): number | null
{
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** Every gap listed under a "gaps" key anywhere in a /health or /api/v1/gaps answer. */
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

/** Reads a gaps or /health answer; recording_since stays null (unknown) where the server does not send it. */
export function readGapsAnswer(json: unknown): GapsAnswer
{
    const record = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
    return { recordingSinceMs: readTimeMs(record.recording_since), gaps: extractGaps(json) };
}

/** Known gaps, overlapping ones joined. */
export class GapSet
{
    private intervals: Gap[] = [];

    get list(): readonly Gap[]
    {
        return this.intervals;
    }

    /** The gaps worth showing in a badge: sub-second ones are left out (they stay in the data). */
    get notable(): readonly Gap[]
    {
        return this.intervals.filter((gap) => gap.toMs - gap.fromMs >= BADGE_MIN_GAP_MS);
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
                const kind = current.kind ?? existing.kind;
                const fromMs = Math.min(existing.fromMs, current.fromMs);
                const toMs = Math.max(existing.toMs, current.toMs);
                current = kind === undefined ? { fromMs, toMs } : { fromMs, toMs, kind };
            }
        }
        joined.push(current);
        this.intervals = joined.sort((a, b) => a.fromMs - b.fromMs);
        return true;
    }
}
