import { describe, expect, it } from 'vitest';
import { barCoverage, coverageLabel, isUnrecorded, uncoveredSpans, type CoverageContext } from './coverage';
import type { Gap } from './gaps';
import { bucketEndMs, bucketStartMs, TIMEFRAMES, type Timeframe } from './timeframes';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The independent computation: sample the bucket minute by minute and count the minutes recorded. */
function sampledCoverage(timeSec: number, timeframe: Timeframe, context: CoverageContext): number | null
{
    const startMs = timeSec * 1000;
    const endMs = Math.min(bucketEndMs(startMs, timeframe), context.nowMs);
    if (context.recordingSinceMs === null || endMs <= startMs)
    {
        return null;
    }
    let recorded = 0;
    let all = 0;
    for (let t = startMs; t < endMs; t += MINUTE_MS)
    {
        all++;
        const inGap = context.gaps.some((gap) => gap.fromMs <= t && t < gap.toMs);
        if (t >= context.recordingSinceMs && !inGap)
        {
            recorded++;
        }
    }
    return Math.round((recorded / all) * 10_000) / 10_000;
}

const NOW_MS = Date.UTC(2024, 2, 20, 13, 37);
const context: CoverageContext = {
    recordingSinceMs: Date.UTC(2024, 2, 4, 9, 15),
    // A journal gap, a downtime between two runs (75 s, rounded to minutes for the sampling) and an overlap.
    gaps: [
        { fromMs: Date.UTC(2024, 2, 10, 3, 0), toMs: Date.UTC(2024, 2, 10, 5, 30), kind: 'journal' },
        { fromMs: Date.UTC(2024, 2, 20, 13, 2), toMs: Date.UTC(2024, 2, 20, 13, 4), kind: 'downtime' },
        { fromMs: Date.UTC(2024, 2, 10, 5, 0), toMs: Date.UTC(2024, 2, 10, 6, 0), kind: 'upstream' },
    ],
    nowMs: NOW_MS,
};

describe('barCoverage', () =>
{
    it('should match a minute-by-minute sampling in every timeframe, the open bucket counted up to now', () =>
    {
        for (const timeframe of TIMEFRAMES)
        {
            let startMs = bucketStartMs(Date.UTC(2024, 1, 20), timeframe);
            while (startMs <= NOW_MS)
            {
                const timeSec = startMs / 1000;
                expect(barCoverage(timeSec, timeframe, null, context).fraction, `${timeframe} ${new Date(startMs).toISOString()}`)
                    .toBe(sampledCoverage(timeSec, timeframe, context));
                startMs = bucketEndMs(startMs, timeframe);
                if (timeframe === '1m' || timeframe === '3m' || timeframe === '5m')
                {
                    startMs = Math.max(startMs, bucketStartMs(NOW_MS - DAY_MS, timeframe));
                }
            }
        }
    });

    it('should read time before recording began as not recorded, and a bucket across it as partial', () =>
    {
        const before = barCoverage(Date.UTC(2024, 2, 4, 9, 0) / 1000, '1m', null, context);
        expect(before.fraction).toBe(0);
        expect(isUnrecorded(before)).toBe(true);
        expect(coverageLabel(before)).toBe('not recorded');
        const across = barCoverage(Date.UTC(2024, 2, 4, 9, 0) / 1000, '30m', null, context);
        expect(across.fraction).toBe(0.5);
        expect(across.uncovered).toEqual([[0, 0.5]]);
        expect(coverageLabel(across)).toBe('recorded 50%');
    });

    it('should shade only the uncovered part of a long candle', () =>
    {
        const week = barCoverage(bucketStartMs(Date.UTC(2024, 2, 10, 4), '1w') / 1000, '1w', null, context);
        // The week of 4 March: recording began on Monday 09:15, and the gaps of 10 March took three hours.
        const hours = week.uncovered.map(([from, to]) => (to - from) * 7 * 24);
        expect(hours).toHaveLength(2);
        expect(hours[0]).toBeCloseTo(9.25, 6);
        expect(hours[1]).toBeCloseTo(3, 6);
        expect(isUnrecorded(week)).toBe(false);
    });

    it('should keep a sub-second gap in the data without making the bucket unrecorded', () =>
    {
        const startMs = Date.UTC(2024, 2, 18, 0, 0);
        const shortGap: Gap = { fromMs: startMs + 1000, toMs: startMs + 1300 };
        const coverage = barCoverage(startMs / 1000, '1m', null, { ...context, gaps: [shortGap] });
        expect(coverage.fraction).toBe(0.995);
        expect(coverage.uncovered).toHaveLength(1);
    });

    it('should prefer the server coverage and treat it as unknown when neither the server nor the start of recording says', () =>
    {
        const timeSec = Date.UTC(2024, 2, 18) / 1000;
        const unknown = { ...context, recordingSinceMs: null, gaps: [] };
        expect(barCoverage(timeSec, '1h', null, unknown)).toEqual({ fraction: null, uncovered: [] });
        expect(isUnrecorded(barCoverage(timeSec, '1h', null, unknown))).toBe(false);
        expect(barCoverage(timeSec, '1h', 0.25, unknown)).toEqual({ fraction: 0.25, uncovered: [[0, 0.75]] });
        expect(barCoverage(timeSec, '1h', 1, context)).toEqual({ fraction: 1, uncovered: [] });
        expect(barCoverage(NOW_MS / 1000 + 3600, '1h', null, context).fraction).toBeNull();
    });
});

describe('uncoveredSpans', () =>
{
    it('should join overlapping gaps and clip them to the bucket', () =>
    {
        const startMs = Date.UTC(2024, 2, 10, 0, 0);
        expect(uncoveredSpans(startMs, startMs + DAY_MS, context)).toEqual([
            { fromMs: Date.UTC(2024, 2, 10, 3, 0), toMs: Date.UTC(2024, 2, 10, 6, 0) },
        ]);
    });
});
