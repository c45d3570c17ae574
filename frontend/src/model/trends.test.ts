import { describe, expect, it } from 'vitest';
import type { VolumeBucket } from './messages';
import { cumulativeDelta, deltaSeries, longShortRatio, movingAverage } from './trends';

function bucket(time: number, buy: string, sell: string, total: string): VolumeBucket
{
    return {
        time, buy, sell, total, delta: '', buyFormatted: null, sellFormatted: null, totalFormatted: null,
        deltaFormatted: null, buyCount: 0, sellCount: 0, count: 0, coverage: 1, recordedMs: 60_000, venues: null,
    };
}

// Hand-computed below; 0.1 + 0.2 and friends would not survive binary floating point.
const BUCKETS = [
    bucket(60, '1000.10', '250.20', '1250.30'),
    bucket(120, '0.00', '300.05', '300.05'),
    bucket(180, '12345678901234.56', '0.01', '12345678901234.57'),
    bucket(240, '0.10', '0.20', '0.30'),
];

describe('trends', () =>
{
    it('should take each bar delta as buy minus sell exactly', () =>
    {
        expect(deltaSeries(BUCKETS)).toEqual([
            { time: 60, value: '749.90' },
            { time: 120, value: '-300.05' },
            { time: 180, value: '12345678901234.55' },
            { time: 240, value: '-0.10' },
        ]);
    });

    it('should sum the delta over the visible range only', () =>
    {
        expect(cumulativeDelta(BUCKETS, 120, 240)).toEqual([
            { time: 120, value: '-300.05' },
            { time: 180, value: '12345678900934.50' },
            { time: 240, value: '12345678900934.40' },
        ]);
        expect(cumulativeDelta(BUCKETS, 60, 120).map((p) => p.value)).toEqual(['749.90', '449.85']);
    });

    it('should average the total volume over the last N bars to the cent, rounding half away from zero', () =>
    {
        // (1250.30 + 300.05) / 2 = 775.175 -> 775.18; (300.05 + 12345678901234.57) / 2 = 6172839450767.31
        expect(movingAverage(BUCKETS, 2)).toEqual([
            { time: 120, value: '775.18' },
            { time: 180, value: '6172839450767.31' },
            { time: 240, value: '6172839450617.44' },
        ]);
        // (1250.30 + 300.05 + 12345678901234.57) / 3 = 4115226300928.30666… -> .31
        expect(movingAverage(BUCKETS, 3).map((p) => p.value)).toEqual(['4115226300928.31', '4115226300511.64']);
        expect(movingAverage(BUCKETS, 5)).toEqual([]);
    });

    it('should give the long/short ratio as sell over buy, and none without shorts', () =>
    {
        // 250.20 / 1000.10 = 0.250175 -> 0.2502; 0.01 / 12345678901234.56 -> 0.0000; 0.20 / 0.10 = 2
        expect(longShortRatio(BUCKETS)).toEqual([
            { time: 60, value: '0.2502' },
            { time: 180, value: '0.0000' },
            { time: 240, value: '2.0000' },
        ]);
    });
});
