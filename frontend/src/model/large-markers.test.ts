import { describe, expect, it } from 'vitest';
import { largeMarkers, markerSize } from './large-markers';
import type { LiquidationOrder } from './messages';

const order = (timestampMs: number, side: 'BUY' | 'SELL', notional: string): LiquidationOrder => ({
    symbol: 'BTCUSDT', side, quantity: '1', avgPrice: notional, notional, timestampMs, baseAsset: 'BTC', exchange: 'binance',
});

describe('largeMarkers', () =>
{
    it('should mark only orders at or above the threshold, oldest first, on their bar', () =>
    {
        const markers = largeMarkers([
            order(Date.UTC(2024, 0, 1, 10, 7, 30), 'SELL', '250000'),
            order(Date.UTC(2024, 0, 1, 10, 3, 0), 'BUY', '100000'),
            order(Date.UTC(2024, 0, 1, 10, 4, 0), 'BUY', '99999.99'),
        ], '100000', '5m');
        expect(markers).toEqual([
            { timeSec: Date.UTC(2024, 0, 1, 10, 0) / 1000, position: 'aboveBar', side: 'short', size: 1, notional: '100000' },
            { timeSec: Date.UTC(2024, 0, 1, 10, 5) / 1000, position: 'belowBar', side: 'long', size: 1.4, notional: '250000' },
        ]);
    });

    it('should scale the size with the decades above the threshold, capped', () =>
    {
        expect(markerSize(100_000, 100_000)).toBe(1);
        expect(markerSize(1_000_000, 100_000)).toBe(2);
        expect(markerSize(100_000_000_000, 100_000)).toBe(4);
        expect(markerSize(5, 0)).toBeCloseTo(1.7, 2);
    });
});
