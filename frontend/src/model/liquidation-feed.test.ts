import { describe, expect, it } from 'vitest';
import { isLarge, LiquidationFeed, MAX_ROWS, positionLabel } from './liquidation-feed';
import type { LiquidationOrder } from './messages';

function order(timestampMs: number, notional = '100.00', side: 'BUY' | 'SELL' = 'SELL'): LiquidationOrder
{
    return { symbol: 'BTCUSDT', side, quantity: '0.001', avgPrice: '100000', notional, timestampMs, baseAsset: 'BTC', exchange: 'binance' };
}

describe('LiquidationFeed', () =>
{
    it('should replace rows on an initial message, newest first', () =>
    {
        const feed = new LiquidationFeed();
        feed.apply(false, [order(1)]);
        feed.apply(true, [order(10), order(30), order(20)]);
        expect(feed.rows.map((row) => row.timestampMs)).toEqual([30, 20, 10]);
    });

    it('should put live orders on top and keep at most fifty', () =>
    {
        const feed = new LiquidationFeed();
        feed.apply(true, Array.from({ length: MAX_ROWS }, (_, i) => order(i)));
        const added = feed.apply(false, [order(1001), order(1000)]);
        expect(added.map((row) => row.timestampMs)).toEqual([1001, 1000]);
        expect(feed.rows).toHaveLength(MAX_ROWS);
        expect(feed.rows.slice(0, 3).map((row) => row.timestampMs)).toEqual([1001, 1000, 49]);
        expect(feed.rows[MAX_ROWS - 1].timestampMs).toBe(2);
    });

    it('should not report live orders older than every kept row as added', () =>
    {
        const feed = new LiquidationFeed();
        feed.apply(true, Array.from({ length: MAX_ROWS }, (_, i) => order(100 + i)));
        expect(feed.apply(false, [order(5)])).toEqual([]);
    });
});

describe('isLarge', () =>
{
    it('should compare the notional with the threshold exactly', () =>
    {
        expect(isLarge(order(0, '100000.00'), '100000')).toBe(true);
        expect(isLarge(order(0, '99999.999'), '100000')).toBe(false);
        expect(isLarge(order(0, '5'), 'abc')).toBe(false);
    });

    it('should call a SELL a long liquidation and a BUY a short one', () =>
    {
        expect(positionLabel(order(0, '1', 'SELL'))).toBe('long');
        expect(positionLabel(order(0, '1', 'BUY'))).toBe('short');
    });
});
