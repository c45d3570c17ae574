import { describe, expect, it } from 'vitest';
import { MarketModel } from './market-model';
import type { Candle } from './messages';
import { DEFAULT_VIEW } from './url-state';

const view = { ...DEFAULT_VIEW, symbol: 'BTCUSDT', timeframe: '1m' as const };

function bucket(time: number, count: number, total = `${count}000.00`): Record<string, unknown>
{
    return {
        time, timestamp_ms: time * 1000, buy_volume: total, sell_volume: '0.00', total_volume: total, delta_volume: total,
        buy_count: count, sell_count: 0, count,
    };
}

function volume(isUpdate: boolean, data: unknown[], extra: Record<string, unknown> = {}): string
{
    return JSON.stringify({ type: 'liquidation_volume', symbol: 'BTCUSDT', timeframe: '1m', is_update: isUpdate, data, ...extra });
}

function order(timestamp: number, symbol = 'BTCUSDT'): Record<string, unknown>
{
    return { symbol, side: 'SELL', quantity: '1', avgPrice: '100', priceUsdt: '100', timestamp, baseAsset: 'BTC' };
}

const candle = (time: number, volume = '1'): Candle => ({ time, open: '1', high: '2', low: '0.5', close: '1.5', volume });

describe('MarketModel', () =>
{
    it('should draw the initial volume with set and live volume with update', () =>
    {
        const model = new MarketModel(view);
        model.volume.markReady();
        expect(model.onLiquidationMessage(volume(false, [bucket(60, 1), bucket(120, 0)])).chart).toBe(true);
        expect(model.volume.takeOp()?.kind).toBe('set');
        model.onLiquidationMessage(volume(true, [bucket(120, 1)]));
        model.onLiquidationMessage(volume(true, [bucket(120, 2)]));
        const op = model.volume.takeOp();
        expect(op?.kind).toBe('update');
        expect(op?.kind === 'update' && op.points.map((p) => p.point.count)).toEqual([2]);
    });

    it('should ignore volume of another timeframe', () =>
    {
        const model = new MarketModel(view);
        model.volume.markReady();
        const change = model.onLiquidationMessage(JSON.stringify({ type: 'liquidation_volume', timeframe: '5m', is_update: false, data: [bucket(0, 1)] }));
        expect(change.chart).toBe(false);
        expect(model.volume.size).toBe(0);
    });

    it('should fill the table from initial and live order messages of its symbol', () =>
    {
        const model = new MarketModel(view);
        const initial = model.onLiquidationMessage(JSON.stringify({ type: 'liquidation_order', initial: true, data: [order(2), order(1)] }));
        expect(initial.tableReset).toBe(true);
        const live = model.onLiquidationMessage(JSON.stringify({ type: 'liquidation_order', initial: false, data: [order(3), order(4, 'ETHUSDT')] }));
        expect(live.addedOrders?.map((o) => o.timestampMs)).toEqual([3]);
        expect(model.feed.rows.map((o) => o.timestampMs)).toEqual([3, 2, 1]);
    });

    it('should count malformed messages and carry on', () =>
    {
        const model = new MarketModel(view);
        model.onLiquidationMessage('{oops');
        model.onKlineMessage('{"type":"kline","data":{}}');
        expect(model.malformedMessages).toBe(2);
        expect(model.onLiquidationMessage('{"type":"pong"}').chart).toBe(false);
    });

    it('should report gaps and errors', () =>
    {
        const model = new MarketModel(view);
        expect(model.onLiquidationMessage('{"type":"gap","symbol":"BTCUSDT","from":1000,"to":2000}').gaps).toBe(true);
        expect(model.gaps.list).toEqual([{ fromMs: 1000, toMs: 2000 }]);
        expect(model.onLiquidationMessage('{"type":"error","code":"unknown_symbol","message":"x"}').error)
            .toEqual({ code: 'unknown_symbol', message: 'x' });
    });

    it('should buffer live candles until the klines answer and then draw both with one set', () =>
    {
        const model = new MarketModel(view);
        model.candles.markReady();
        model.onKlineMessage(JSON.stringify({ type: 'kline', timeframe: '1m', data: { ...candle(180, '5'), closed: false } }));
        expect(model.candles.takeOp()).toBeNull();
        model.onLatestKlines([candle(60), candle(120), candle(180, '4')]);
        const op = model.candles.takeOp();
        expect(op?.kind === 'set' && op.points.map((c) => [c.time, c.volume])).toEqual([[60, '1'], [120, '1'], [180, '5']]);
    });

    it('should load older history once at a time, then ask for its volume', () =>
    {
        const model = new MarketModel(view);
        model.onLatestKlines([candle(60_000), candle(60_060)]);
        const load = model.beginOlderLoad();
        expect(load).toEqual({ startMs: 60_000_000 - 500 * 60_000, endMs: 60_000_000 });
        expect(model.beginOlderLoad()).toBeNull();
        const range = model.onOlderKlines([candle(59_880), candle(59_940), candle(60_000)], 60_000_000);
        expect(range).toEqual({ start: 59_880_000, end: 60_000_000 });
        expect(model.candles.firstTime()).toBe(59_880);
        expect(model.pendingRanges).toEqual([range]);
        model.onLiquidationMessage(volume(false, [bucket(59_880, 1)], { range: { start: 59_880_000, end: 60_000_000 } }));
        expect(model.pendingRanges).toEqual([]);
    });

    it('should stop loading history when the exchange has no older candles', () =>
    {
        const model = new MarketModel(view);
        model.onLatestKlines([candle(60)]);
        model.beginOlderLoad();
        expect(model.noOlderData).toBe(false);
        expect(model.onOlderKlines([], 60_000)).toBeNull();
        expect(model.beginOlderLoad()).toBeNull();
        expect(model.noOlderData).toBe(true);
    });

    it('should take the start of recording and gaps from a gaps answer, and keep coverage unknown without them', () =>
    {
        const model = new MarketModel(view);
        expect(model.coverageContext(5000)).toEqual({ gaps: [], recordingSinceMs: null, nowMs: 5000 });
        expect(model.onGapsAnswer({ recordingSinceMs: null, gaps: [] })).toBe(false);
        expect(model.onGapsAnswer({ recordingSinceMs: 1000, gaps: [{ fromMs: 2000, toMs: 3000, kind: 'downtime' }] })).toBe(true);
        expect(model.onGapsAnswer({ recordingSinceMs: 1000, gaps: [{ fromMs: 2000, toMs: 3000, kind: 'downtime' }] })).toBe(false);
        expect(model.coverageContext(5000)).toEqual({
            gaps: [{ fromMs: 2000, toMs: 3000, kind: 'downtime' }], recordingSinceMs: 1000, nowMs: 5000,
        });
    });

    it('should keep recent orders of its symbol for the chart markers', () =>
    {
        const model = new MarketModel(view);
        model.onLiquidationMessage(JSON.stringify({ type: 'liquidation_order', initial: true, data: [order(2)] }));
        model.onLiquidationMessage(JSON.stringify({ type: 'liquidation_order', initial: false, data: [order(3), order(4, 'ETHUSDT')] }));
        expect(model.recent.rows.map((o) => o.timestampMs)).toEqual([3, 2]);
    });
});
