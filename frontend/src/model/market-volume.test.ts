import { describe, expect, it } from 'vitest';
import { barShares, histogramTimeframe, marketVolumePath, parseMarketVolume } from './market-volume';

const ANSWER = {
    timeframe: '5m', start_time: 1000, end_time: 601000,
    data: [
        { time: 0, timestamp_ms: 0, buy_volume: '10.00', sell_volume: '30.00', total_volume: '40.00', count: 3 },
        { time: 300, timestamp_ms: 300000, buy_volume: '0.00', sell_volume: '0.00', total_volume: '0.00', count: 0 },
        { time: 600, timestamp_ms: 600000, buy_volume: '20.5', sell_volume: '0.00', total_volume: '20.5', count: 1 },
    ],
};

describe('market volume', () =>
{
    it('should read longs from sell and shorts from buy volume', () =>
    {
        const volume = parseMarketVolume(ANSWER);

        expect(volume?.timeframe).toBe('5m');
        expect(volume?.startMs).toBe(1000);
        expect(volume?.bars.map((entry) => [entry.timeMs, entry.longVolume, entry.shortVolume, entry.count]))
            .toEqual([[0, '30.00', '10.00', 3], [300000, '0.00', '0.00', 0], [600000, '0.00', '20.5', 1]]);
    });

    it('should refuse what is not an answer', () =>
    {
        expect(parseMarketVolume(null)).toBeNull();
        expect(parseMarketVolume({ ...ANSWER, data: [{ timestamp_ms: 'x' }] })).toBeNull();
        expect(parseMarketVolume({ ...ANSWER, timeframe: 5 })).toBeNull();
    });

    it('should scale bars to the tallest total', () =>
    {
        const shares = barShares(parseMarketVolume(ANSWER)?.bars ?? []);

        expect(shares).toEqual([{ long: 0.75, short: 0.25 }, { long: 0, short: 0 }, { long: 0, short: 20.5 / 40 }]);
        expect(barShares([{ timeMs: 0, longVolume: '0', shortVolume: '0', count: 0 }])).toEqual([{ long: 0, short: 0 }]);
    });

    it('should draw each window in about fifty bars', () =>
    {
        expect(['1h', '4h', '12h', '24h'].map((window) => histogramTimeframe(window as '1h'))).toEqual(['1m', '5m', '15m', '30m']);
        expect(marketVolumePath('4h', 10, 20)).toBe('/api/v1/volume?timeframe=5m&start=10&end=20');
    });
});
