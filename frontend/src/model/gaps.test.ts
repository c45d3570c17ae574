import { describe, expect, it } from 'vitest';
import { extractGaps, GapSet } from './gaps';

describe('extractGaps', () =>
{
    it('should find gaps nested in a health answer in the usual spellings', () =>
    {
        const health = {
            status: 'UP',
            upstream: { connected: true, gaps: [{ fromMs: 1000, toMs: 2000 }, { from: 3000, to: 4000 }, { from: 5, to: 1 }] },
            journal: { ok: true },
        };
        expect(extractGaps(health)).toEqual([{ fromMs: 1000, toMs: 2000 }, { fromMs: 3000, toMs: 4000 }]);
        expect(extractGaps('nothing')).toEqual([]);
    });
});

describe('GapSet', () =>
{
    it('should join overlapping gaps and ignore known ones', () =>
    {
        const gaps = new GapSet();
        expect(gaps.add({ fromMs: 100, toMs: 200 })).toBe(true);
        expect(gaps.add({ fromMs: 120, toMs: 150 })).toBe(false);
        expect(gaps.add({ fromMs: 500, toMs: 600 })).toBe(true);
        expect(gaps.add({ fromMs: 180, toMs: 300 })).toBe(true);
        expect(gaps.list).toEqual([{ fromMs: 100, toMs: 300 }, { fromMs: 500, toMs: 600 }]);
    });

    it('should shade the bars whose bucket overlaps a gap', () =>
    {
        const gaps = new GapSet();
        gaps.add({ fromMs: 90_000, toMs: 150_000 });
        expect(gaps.shadedTimes([0, 60, 120, 180], '1m')).toEqual([60, 120]);
        gaps.add({ fromMs: 240_000, toMs: 240_001 });
        expect(gaps.shadedTimes([0, 60, 120, 180, 240, 300], '1m')).toEqual([60, 120, 240]);
    });
});
