import { describe, expect, it } from 'vitest';
import { heatmapIntensity, heatmapRangeMs, readHeatmap } from './heatmap';

describe('readHeatmap', () =>
{
    it('should read the cells of a realized heatmap and their largest total', () =>
    {
        const heatmap = readHeatmap({
            kind: 'realized', bin_size: '20.0', cells: [
                { time: 60, price_low: '100.0', price_high: '120.0', buy_volume: '5.00', sell_volume: '1.50', total_volume: '6.50', count: 2 },
                { time: 120, price_low: '120.0', price_high: '140.0', buy_volume: '0.00', sell_volume: '9.00', total_volume: '9.00', count: 1 },
                { time: 'x' },
            ],
        });
        expect(heatmap?.binSize).toBe('20.0');
        expect(heatmap?.maxTotal).toBe(9);
        expect(heatmap?.cells).toEqual([
            { timeSec: 60, low: 100, high: 120, buy: '5.00', sell: '1.50', total: '6.50', count: 2 },
            { timeSec: 120, low: 120, high: 140, buy: '0.00', sell: '9.00', total: '9.00', count: 1 },
        ]);
        expect(readHeatmap({ kind: 'estimated', bin_size: '1', cells: [] })).toBeNull();
        expect(readHeatmap(null)).toBeNull();
    });
});

describe('heatmapIntensity', () =>
{
    it('should scale by the square root of the share of the largest cell', () =>
    {
        expect(heatmapIntensity('9', 9)).toBe(1);
        expect(heatmapIntensity('2.25', 9)).toBe(0.5);
        expect(heatmapIntensity('1', 0)).toBe(0);
    });
});

describe('heatmapRangeMs', () =>
{
    it('should ask from the first bar, no further back than one heatmap answers', () =>
    {
        const nowMs = Date.UTC(2026, 0, 10, 12, 30);
        expect(heatmapRangeMs(nowMs / 1000 - 3600, nowMs, '1m', 50)).toEqual({ startMs: nowMs - 3_600_000, endMs: nowMs + 1 });
        // 200 bins: 750 buckets of 1h at most, the current one included
        expect(heatmapRangeMs(0, nowMs, '1h', 200).startMs).toBe(Date.UTC(2026, 0, 10, 12) - 749 * 3_600_000);
        expect(heatmapRangeMs(null, nowMs, '1m', 50).startMs).toBe(Date.UTC(2026, 0, 10, 12, 30) - 499 * 60_000);
    });
});
