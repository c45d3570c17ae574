import { describe, expect, it } from 'vitest';
import { filterSymbols, listedVenues, parseSymbols } from './symbols';

describe('parseSymbols', () =>
{
    it('should read an array of entries, skipping non-trading and duplicate ones', () =>
    {
        const json = [
            { symbol: 'ETHUSDT', baseAsset: 'ETH', status: 'TRADING' },
            { symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', pricePrecision: 2 },
            { symbol: 'OLDUSDT', baseAsset: 'OLD', status: 'SETTLING' },
            { symbol: 'BTCUSDT', baseAsset: 'BTC' },
            { nope: 1 },
        ];
        expect(parseSymbols(json)).toEqual([
            { symbol: 'BTCUSDT', baseAsset: 'BTC', exchanges: [] },
            { symbol: 'ETHUSDT', baseAsset: 'ETH', exchanges: [] },
        ]);
    });

    it('should read an object holding the list, or plain names', () =>
    {
        expect(parseSymbols({ symbols: [{ symbol: 'SOLUSDT', baseAsset: 'SOL' }] })).toEqual([{ symbol: 'SOLUSDT', baseAsset: 'SOL', exchanges: [] }]);
        expect(parseSymbols({ data: ['xrpusdt'] })).toEqual([{ symbol: 'XRPUSDT', baseAsset: '', exchanges: [] }]);
        expect(parseSymbols(null)).toEqual([]);
    });

    it('should read the venues that list a symbol in the canonical order, unknown ones left out', () =>
    {
        const json = { symbols: [{ symbol: 'BTCUSDT', baseAsset: 'BTC', exchanges: ['okx', 'kraken', 'binance'] }] };
        expect(parseSymbols(json)[0].exchanges).toEqual(['binance', 'okx']);
    });

    it('should tell the enabled venues from the venues listing any symbol', () =>
    {
        const json = [{ symbol: 'BTCUSDT', exchanges: ['okx', 'binance'] }, { symbol: 'NEWUSDT', exchanges: ['bybit'] }];
        expect(listedVenues(parseSymbols(json))).toEqual(['binance', 'bybit', 'okx']);
        expect(listedVenues(parseSymbols(['BTCUSDT']))).toEqual([]);
    });
});

describe('filterSymbols', () =>
{
    const entries = parseSymbols(['BTCUSDT', 'ETHBTC', 'ETHUSDT', 'SOLUSDT', 'BTCDOMUSDT']);

    it('should rank prefix matches before other matches', () =>
    {
        expect(filterSymbols(entries, 'btc', 10).map((e) => e.symbol)).toEqual(['BTCDOMUSDT', 'BTCUSDT', 'ETHBTC']);
    });

    it('should limit the list and show everything for an empty query', () =>
    {
        expect(filterSymbols(entries, '', 2)).toHaveLength(2);
        expect(filterSymbols(entries, 'zzz', 10)).toEqual([]);
    });
});
