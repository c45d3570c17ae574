import { describe, expect, it } from 'vitest';
import { extractGaps, GapSet, readGapsAnswer } from './gaps';

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

    it('should read the gaps endpoint with kinds and the start of recording', () =>
    {
        const answer = readGapsAnswer({
            recording_since: 1000,
            gaps: [{ from: 2000, to: 3000, kind: 'downtime' }, { from: 4000, to: 5000, kind: 'other' }],
            truncated: false,
        });
        expect(answer).toEqual({ recordingSinceMs: 1000, gaps: [{ fromMs: 2000, toMs: 3000, kind: 'downtime' }, { fromMs: 4000, toMs: 5000 }] });
        expect(readGapsAnswer({ status: 'UP' }).recordingSinceMs).toBeNull();
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

    it('should leave sub-second gaps out of the notable ones but keep them', () =>
    {
        const gaps = new GapSet();
        gaps.add({ fromMs: 1000, toMs: 1300 });
        gaps.add({ fromMs: 5000, toMs: 80_000, kind: 'downtime' });
        expect(gaps.list).toHaveLength(2);
        expect(gaps.notable).toEqual([{ fromMs: 5000, toMs: 80_000, kind: 'downtime' }]);
    });
});
