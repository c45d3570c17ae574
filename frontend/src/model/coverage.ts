// How much of a bucket's time was recorded live. The server sends it as "coverage" (0..1 over the bucket's
// elapsed span); where it does not, it is computed from the recorded gaps and the start of recording, and
// without a known start of recording it stays unknown: an unmeasured zero is never shown as one.
import type { Gap } from './gaps';
import { bucketEndMs, type Timeframe } from './timeframes';

export interface CoverageContext
{
    readonly gaps: readonly Gap[];
    /** When the server began recording; null when it does not say. */
    readonly recordingSinceMs: number | null;
    readonly nowMs: number;
}

export interface Span
{
    readonly fromMs: number;
    readonly toMs: number;
}

export interface BarCoverage
{
    /** The recorded share of the bucket's elapsed time, 0..1 to 4 decimals; null when unknown. */
    readonly fraction: number | null;
    /** The unrecorded parts as shares of the bucket's whole length (0..1), to shade only those. */
    readonly uncovered: readonly (readonly [number, number])[];
}

const UNKNOWN: BarCoverage = { fraction: null, uncovered: [] };

/** The parts of [startMs, endMs) before recording began or inside a gap, sorted and joined. */
export function uncoveredSpans(startMs: number, endMs: number, context: CoverageContext): Span[]
{
    const clipped: Span[] = [];
    const add = (fromMs: number, toMs: number): void =>
    {
        const from = Math.max(fromMs, startMs);
        const to = Math.min(toMs, endMs);
        if (from < to)
        {
            clipped.push({ fromMs: from, toMs: to });
        }
    };
    if (context.recordingSinceMs !== null)
    {
        add(Number.NEGATIVE_INFINITY, context.recordingSinceMs);
    }
    for (const gap of context.gaps)
    {
        add(gap.fromMs, gap.toMs);
    }
    clipped.sort((a, b) => a.fromMs - b.fromMs);
    const joined: Span[] = [];
    for (const span of clipped)
    {
        const last = joined.at(-1);
        if (last !== undefined && span.fromMs <= last.toMs)
        {
            joined[joined.length - 1] = { fromMs: last.fromMs, toMs: Math.max(last.toMs, span.toMs) };
        }
        else
        {
            joined.push(span);
        }
    }
    return joined;
}

function roundShare(share: number): number
{
    return Math.round(Math.min(Math.max(share, 0), 1) * 10_000) / 10_000;
}

/**
 * The coverage of the bucket starting at timeSec: the server's figure when it sent one (serverCoverage),
 * else computed. The open bucket's elapsed span ends now; a bucket entirely in the future is unknown.
 */
export function barCoverage(
    timeSec: number,
    timeframe: Timeframe,
    serverCoverage: number | null,
    context: CoverageContext,
): BarCoverage
{
    const startMs = timeSec * 1000;
    const endMs = bucketEndMs(startMs, timeframe);
    const elapsedEndMs = Math.min(endMs, context.nowMs);
    if (elapsedEndMs <= startMs)
    {
        return UNKNOWN;
    }
    const elapsedMs = elapsedEndMs - startMs;
    let spans = uncoveredSpans(startMs, elapsedEndMs, context);
    const missingMs = spans.reduce((sum, span) => sum + span.toMs - span.fromMs, 0);
    const computed = context.recordingSinceMs === null ? null : roundShare(1 - missingMs / elapsedMs);
    const fraction = serverCoverage ?? computed;
    if (serverCoverage !== null && serverCoverage >= 1)
    {
        spans = [];
    }
    else if (serverCoverage !== null && spans.length === 0 && serverCoverage < 1)
    {
        // The server knows of time we hold no gap for (an older gap list): shade its share from the start.
        spans = [{ fromMs: startMs, toMs: startMs + (1 - serverCoverage) * elapsedMs }];
    }
    const lengthMs = endMs - startMs;
    return {
        fraction,
        uncovered: spans.map((span) => [(span.fromMs - startMs) / lengthMs, (span.toMs - startMs) / lengthMs] as const),
    };
}

/** Nothing of the bucket was recorded: it must read "not recorded", never as a zero. */
export function isUnrecorded(coverage: BarCoverage): boolean
{
    return coverage.fraction !== null && coverage.fraction <= 0;
}

/** The legend's words for a coverage: empty when fully recorded or unknown. */
export function coverageLabel(coverage: BarCoverage): string
{
    if (coverage.fraction === null || coverage.fraction >= 1)
    {
        return '';
    }
    if (coverage.fraction <= 0)
    {
        return 'not recorded';
    }
    return `recorded ${Math.min(99, Math.max(1, Math.round(coverage.fraction * 100)))}%`;
}
