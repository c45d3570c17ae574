import { describe, expect, it } from 'vitest';
import { AlertEventList, alertMarkers, describeEvent, MAX_EVENTS, readAlertEvent, worthNotifying, type AlertEvent } from './alert-events';

const MINUTE_MS = 60_000;
const T0 = 1_700_000_040_000;

function liquidationEvent(id: number, symbol = 'BTCUSDT', timeMs = T0 + 1234): unknown
{
    return {
        type: 'alert', id, rule_id: 'r1', rule_name: 'big', symbol, timeframe: null, condition: 'liquidation',
        metric: 'notional', value: '312000.5', threshold: '250000', baseline: null, ratio: null,
        liquidation: { side: 'SELL', price: '60000', quantity: '5.2', notional: '312000.5', time: timeMs },
        trigger_time: timeMs, fired_at: timeMs + 2,
    };
}

function bucketEvent(id: number, timeframe: string, bucketMs: number, triggerMs: number): unknown
{
    return {
        type: 'alert', id, rule_id: 'r7', rule_name: 'unusual BTC', symbol: 'BTCUSDT', timeframe, condition: 'unusual_volume',
        metric: 'total_volume', value: '812345.5', threshold: '450000', baseline: '150000', ratio: '5.4156',
        bucket: { time: bucketMs, buy_volume: '1', sell_volume: '2', total_volume: '3', delta_volume: '-1', buy_count: 1, sell_count: 1, count: 2 },
        trigger_time: triggerMs, fired_at: triggerMs + 2,
    };
}

function read(value: unknown): AlertEvent
{
    const event = readAlertEvent(value);
    expect(event).not.toBeNull();
    return event!;
}

describe('alert events', () =>
{
    it('should read a liquidation event and a bucket event, and refuse what is not one', () =>
    {
        expect(read(liquidationEvent(3))).toMatchObject({ id: 3, symbol: 'BTCUSDT', side: 'SELL', atMs: T0 + 1234, firedAtMs: T0 + 1236 });
        expect(read(bucketEvent(4, '1m', T0, T0 + 5000))).toMatchObject({ side: null, atMs: T0, ratio: '5.4156', timeframe: '1m' });
        expect(readAlertEvent({ type: 'ping' })).toBeNull();
        expect(readAlertEvent({ ...(liquidationEvent(5) as object), liquidation: null })).toBeNull();
        expect(readAlertEvent({ ...(liquidationEvent(5) as object), id: '5' })).toBeNull();
    });

    it('should keep each event once, newest first, and at most the newest 50', () =>
    {
        const list = new AlertEventList();
        expect(list.add([read(liquidationEvent(2)), read(liquidationEvent(1))]).map((e) => e.id)).toEqual([2, 1]);
        expect(list.add([read(liquidationEvent(1)), read(liquidationEvent(3)), read(liquidationEvent(3))]).map((e) => e.id)).toEqual([3]);
        expect(list.events.map((e) => e.id)).toEqual([3, 2, 1]);
        list.add(Array.from({ length: 60 }, (_, i) => read(liquidationEvent(100 + i))));
        expect(list.events).toHaveLength(MAX_EVENTS);
        expect(list.events[0].id).toBe(159);
        expect(list.events.at(-1)!.id).toBe(110);
    });

    it('should notify of what fired within the last minute only', () =>
    {
        const event = read(liquidationEvent(1));
        expect(worthNotifying(event, event.firedAtMs + MINUTE_MS)).toBe(true);
        expect(worthNotifying(event, event.firedAtMs + MINUTE_MS + 1)).toBe(false);
    });

    it('should describe an event in one line', () =>
    {
        expect(describeEvent(read(liquidationEvent(1)))).toBe('BTCUSDT liquidation 312000.5 ≥ 250000');
        expect(describeEvent(read(bucketEvent(2, '1m', T0, T0)))).toBe('BTCUSDT 1m total_volume 812345.5 ≥ 450000 (5.4156×)');
    });
});

describe('alert markers', () =>
{
    it('should put a liquidation event on the bar of its trade time, of the symbol in view only', () =>
    {
        const events = [read(liquidationEvent(1, 'BTCUSDT', T0 + 4 * MINUTE_MS + 59_999)), read(liquidationEvent(2, 'ETHUSDT'))];
        expect(alertMarkers(events, 'BTCUSDT', '1m')).toEqual([{ timeSec: (T0 + 4 * MINUTE_MS) / 1000, label: 'big' }]);
        expect(alertMarkers(events, 'BTCUSDT', '5m')).toEqual([{ timeSec: 1_700_000_100, label: 'big' }]);
        expect(alertMarkers(events, 'SOLUSDT', '1m')).toEqual([]);
    });

    it('should put a bucket event on its bucket in its own timeframe, else on the bar of its trigger time', () =>
    {
        const event = read(bucketEvent(3, '5m', 1_700_000_100_000, 1_700_000_100_000 + 3 * MINUTE_MS + 5));
        expect(alertMarkers([event], 'BTCUSDT', '5m')).toEqual([{ timeSec: 1_700_000_100, label: 'unusual BTC' }]);
        expect(alertMarkers([event], 'BTCUSDT', '1m')).toEqual([{ timeSec: 1_700_000_280, label: 'unusual BTC' }]);
    });

    it('should join the events of one bar into one marker, oldest bar first', () =>
    {
        const events = [read(liquidationEvent(3, 'BTCUSDT', T0 + MINUTE_MS)), read(liquidationEvent(2, 'BTCUSDT', T0 + 10)),
            read(liquidationEvent(1, 'BTCUSDT', T0 + 20))];
        expect(alertMarkers(events, 'BTCUSDT', '1m')).toEqual([
            { timeSec: T0 / 1000, label: '2 alerts' },
            { timeSec: (T0 + MINUTE_MS) / 1000, label: 'big' },
        ]);
    });
});
