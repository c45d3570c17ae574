import { describe, expect, it } from 'vitest';
import { parseOverview, readPage, writePage } from './overview';

const TOTALS = { long_volume: '60000.00', short_volume: '100.00', total_volume: '60100.00',
    total_volume_formatted: '60.10K', long_count: 1, short_count: 1, count: 2 };

const MESSAGE = {
    type: 'market_overview', window: '4h', start_time: 1000, end_time: 2000, recorded_ms: 1000, coverage: 1,
    market: { ...TOTALS, symbols: 2 },
    symbols: [
        { symbol: 'BTCUSDT', ...TOTALS, count: 1, short_volume: '0.00', total_volume: '60000.00',
            largest: { side: 'SELL', quantity: '1.5', price: '40000', volume: '60000.00', timestamp: 1500 } },
        { symbol: 'ETHUSDT', ...TOTALS, largest: null },
    ],
    distribution: { classes: [{ class: '<1k', min_usdt: '0.00', max_usdt: '1000.00', count: 1, volume: '100.00' }],
        count: 1, total_volume: '100.00' },
};

describe('market overview', () =>
{
    it('should read the stream message with its rows in order and the size classes', () =>
    {
        const overview = parseOverview(JSON.stringify(MESSAGE));
        expect(overview?.window).toBe('4h');
        expect(overview?.market.symbols).toBe(2);
        expect(overview?.rows.map((row) => row.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
        expect(overview?.rows[0]?.largestVolume).toBe('60000.00');
        expect(overview?.rows[1]?.largestVolume).toBeNull();
        expect(overview?.distribution).toEqual([{ label: '<1k', count: 1, volume: '100.00' }]);
    });

    it('should refuse other messages and malformed ones', () =>
    {
        expect(parseOverview('{"type":"heartbeat","symbol":null}')).toBeNull();
        expect(parseOverview('not json')).toBeNull();
        expect(parseOverview(JSON.stringify({ ...MESSAGE, window: '2h' }))).toBeNull();
        expect(parseOverview(JSON.stringify({ ...MESSAGE, market: { ...MESSAGE.market, count: '2' } }))).toBeNull();
    });

    it('should keep the page and window in the URL beside the chart view', () =>
    {
        const market = writePage('?symbol=ETHUSDT&tf=5m', 'market', '12h');
        expect(readPage(market)).toEqual({ page: 'market', window: '12h' });
        expect(new URLSearchParams(market).get('symbol')).toBe('ETHUSDT');
        const chart = writePage(market, 'chart', '12h');
        expect(readPage(chart)).toEqual({ page: 'chart', window: '1h' });
        expect(new URLSearchParams(chart).get('tf')).toBe('5m');
        expect(readPage('?view=market&window=7h')).toEqual({ page: 'market', window: '1h' });
    });
});
