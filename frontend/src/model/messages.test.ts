import { describe, expect, it } from 'vitest';
import { parseServerMessage, readAll, readCandle } from './messages';

const order = {
    symbol: 'BTCUSDT', side: 'BUY', quantity: '0.100', quantityFormatted: '0.100', avgPrice: '50000',
    priceUsdt: '5000.00', priceUsdtFormatted: '5,000', timestamp: 1700000000000, displayTime: '22:13:20', baseAsset: 'BTC',
};

const bucket = {
    time: 1700000000, timestamp_ms: 1700000000000, buy_volume: '10000.00', sell_volume: '5000.00',
    total_volume: '15000.00', delta_volume: '5000.00', buy_volume_formatted: '10.00K', sell_volume_formatted: '5.00K',
    total_volume_formatted: '15.00K', delta_volume_formatted: '5.00K', buy_count: 6, sell_count: 4, count: 10,
};

describe('parseServerMessage', () =>
{
    it('should read the contract example of a live order message', () =>
    {
        const message = parseServerMessage(JSON.stringify({ type: 'liquidation_order', symbol: 'BTCUSDT', initial: false, data: [order] }));
        expect(message).toEqual({
            type: 'liquidation_order',
            initial: false,
            data: [{ symbol: 'BTCUSDT', side: 'BUY', quantity: '0.100', avgPrice: '50000', notional: '5000.00', timestampMs: 1700000000000, baseAsset: 'BTC', exchange: null }],
        });
    });

    it('should read each order\'s venue, and no venue for one it does not know', () =>
    {
        const message = parseServerMessage(JSON.stringify({
            type: 'liquidation_order', initial: false, data: [{ ...order, exchange: 'okx' }, { ...order, exchange: 'kraken' }],
        }));
        expect(message?.type === 'liquidation_order' && message.data.map((o) => o.exchange)).toEqual(['okx', null]);
    });

    it('should read a volume message keeping decimals as sent', () =>
    {
        const message = parseServerMessage(JSON.stringify({ type: 'liquidation_volume', timeframe: '1m', is_update: true, data: [bucket] }));
        expect(message).toMatchObject({ type: 'liquidation_volume', isUpdate: true, range: null, timeframe: '1m' });
        expect(message?.type === 'liquidation_volume' && message.data[0]).toMatchObject({
            time: 1700000000, buy: '10000.00', sell: '5000.00', total: '15000.00', delta: '5000.00', totalFormatted: '15.00K', count: 10,
            coverage: null, recordedMs: null, venues: null,
        });
    });

    it('should read a by_exchange row\'s venues as docs/API.md §9 shapes them', () =>
    {
        const row = {
            ...bucket,
            exchanges: {
                okx: { buy_volume: '4000.00', sell_volume: '0', buy_count: 2, sell_count: 0 },
                binance: { buy_volume: '6000.00', sell_volume: '5000.00', buy_count: 4, sell_count: 4 },
                kraken: { buy_volume: '1', sell_volume: '1', buy_count: 1, sell_count: 1 },
                bybit: { buy_volume: 'x' },
            },
        };
        const message = parseServerMessage(JSON.stringify({ type: 'liquidation_volume', is_update: false, data: [row] }));
        const venues = message?.type === 'liquidation_volume' ? message.data[0].venues : null;
        expect(venues === null ? null : [...venues.entries()]).toEqual([
            ['binance', { buy: '6000.00', sell: '5000.00', buyCount: 4, sellCount: 4 }],
            ['okx', { buy: '4000.00', sell: '0', buyCount: 2, sellCount: 0 }],
        ]);
    });

    it('should read coverage where the server sends it, and reject a share outside 0..1', () =>
    {
        const read = (extra: Record<string, unknown>): unknown =>
        {
            const message = parseServerMessage(JSON.stringify({ type: 'liquidation_volume', is_update: true, data: [{ ...bucket, ...extra }] }));
            return message?.type === 'liquidation_volume' ? message.data[0] : null;
        };
        expect(read({ coverage: 0.4583, recorded_ms: 27498 })).toMatchObject({ coverage: 0.4583, recordedMs: 27498 });
        expect(read({ coverage: 0 })).toMatchObject({ coverage: 0 });
        expect(read({ coverage: 1.5 })).toMatchObject({ coverage: null });
        expect(read({ coverage: -0.1 })).toMatchObject({ coverage: null });
    });

    it('should tell an initial answer from a range answer', () =>
    {
        const initial = parseServerMessage(JSON.stringify({ type: 'liquidation_volume', is_update: false, data: [] }));
        const range = parseServerMessage(JSON.stringify({ type: 'liquidation_volume', is_update: false, range: { start: 1, end: 2 }, data: [] }));
        expect(initial).toMatchObject({ isUpdate: false, range: null });
        expect(range).toMatchObject({ isUpdate: false, range: { start: 1, end: 2 } });
    });

    it('should read kline, gap, heartbeat, pong and error messages', () =>
    {
        expect(parseServerMessage('{"type":"kline","timeframe":"1m","data":{"time":60,"open":"1","high":"2","low":"0.5","close":"1.5","volume":"3","closed":false}}'))
            .toEqual({ type: 'kline', timeframe: '1m', data: { time: 60, open: '1', high: '2', low: '0.5', close: '1.5', volume: '3' } });
        expect(parseServerMessage('{"type":"gap","symbol":"BTCUSDT","from":1000,"to":5000}')).toEqual({ type: 'gap', fromMs: 1000, toMs: 5000, kind: undefined });
        expect(parseServerMessage('{"type":"gap","from":1000,"to":5000,"kind":"downtime"}')).toMatchObject({ kind: 'downtime' });
        expect(parseServerMessage('{"type":"heartbeat","symbol":"BTCUSDT","timestamp":"x"}')).toEqual({ type: 'heartbeat' });
        expect(parseServerMessage('{"type":"pong"}')).toEqual({ type: 'pong' });
        expect(parseServerMessage('{"type":"error","code":"unknown_symbol","message":"no such symbol"}'))
            .toEqual({ type: 'error', code: 'unknown_symbol', message: 'no such symbol' });
    });

    it('should answer null for malformed messages', () =>
    {
        expect(parseServerMessage('not json')).toBeNull();
        expect(parseServerMessage('[1,2]')).toBeNull();
        expect(parseServerMessage('{"type":"liquidation_order","data":"x"}')).toBeNull();
        expect(parseServerMessage('{"type":"gap","from":"a","to":1}')).toBeNull();
        expect(parseServerMessage('{"type":"something_new"}')).toBeNull();
    });

    it('should drop unreadable elements and keep the rest', () =>
    {
        const message = parseServerMessage(JSON.stringify({
            type: 'liquidation_order', initial: true, data: [order, { ...order, side: 'LONG' }, { ...order, priceUsdt: 'abc' }],
        }));
        expect(message?.type === 'liquidation_order' && message.data.length).toBe(1);
    });
});

describe('readCandle', () =>
{
    it('should read the klines endpoint shape, numbers tolerated', () =>
    {
        expect(readAll([{ time: 60, open: 1, high: '2', low: '0.5', close: '1.5', volume: '3' }, { time: 'x' }], readCandle))
            .toEqual([{ time: 60, open: '1', high: '2', low: '0.5', close: '1.5', volume: '3' }]);
    });
});
