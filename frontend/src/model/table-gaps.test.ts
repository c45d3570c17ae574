import { describe, expect, it } from 'vitest';
import { gapsAboveRows } from './table-gaps';

describe('gapsAboveRows', () =>
{
    it('should mark the row below a gap, clipped to the rows around it, and the newest row for a gap since it', () =>
    {
        const rows = [9_000, 7_000, 3_000, 1_000];
        const gaps = [{ fromMs: 4_000, toMs: 5_000 }, { fromMs: 5_500, toMs: 6_000 }, { fromMs: 9_500, toMs: 20_000 }];
        expect(gapsAboveRows(rows, gaps, 12_000)).toEqual([
            { fromMs: 9_500, toMs: 12_000 },
            null,
            { fromMs: 4_000, toMs: 6_000 },
            null,
        ]);
    });

    it('should mark nothing without gaps between rows', () =>
    {
        expect(gapsAboveRows([5_000, 4_000], [{ fromMs: 100, toMs: 200 }], 6_000)).toEqual([null, null]);
        expect(gapsAboveRows([], [{ fromMs: 100, toMs: 200 }], 6_000)).toEqual([]);
    });
});
