import { describe, expect, it } from 'vitest';
import { exchangeParam, liquidationsStreamUrl, perVenue, stacksByVenue, readVenues, sameVenues, toggleVenue, VENUES, withExchange } from './venues';

describe('venues', () =>
{
    it('should read all venues when the URL names none, all or something unreadable', () =>
    {
        expect(readVenues('')).toEqual(VENUES);
        expect(readVenues('?exchange=all')).toEqual(VENUES);
        expect(readVenues('?exchange=binance,kraken')).toEqual(VENUES);
        expect(readVenues('?exchange=')).toEqual(VENUES);
    });

    it('should read a subset in the canonical order, each venue once', () =>
    {
        expect(readVenues('?exchange=OKX,binance')).toEqual(['binance', 'okx']);
        expect(readVenues('?exchange=bybit,bybit')).toEqual(['bybit']);
    });

    it('should leave the parameter out for all, so the URLs of today stay unchanged', () =>
    {
        expect(exchangeParam(VENUES)).toBeNull();
        expect(exchangeParam(['okx', 'binance'])).toBe('binance,okx');
        expect(withExchange('/api/v1/gaps?start=1&end=2', ['bybit'])).toBe('/api/v1/gaps?start=1&end=2&exchange=bybit');
        expect(withExchange('/api/v1/overview', ['bybit', 'okx'])).toBe('/api/v1/overview?exchange=bybit,okx');
        expect(withExchange('/api/v1/overview', VENUES)).toBe('/api/v1/overview');
    });

    it('should ask for volume per venue only when more than one venue is selected', () =>
    {
        expect(perVenue(VENUES)).toBe(true);
        expect(perVenue(['binance', 'okx'])).toBe(true);
        expect(perVenue(['okx'])).toBe(false);
    });

    it('should open the liquidations stream per venue for several venues and unchanged for one', () =>
    {
        const ws = 'ws://127.0.0.1:8000';
        expect(liquidationsStreamUrl(ws, 'BTCUSDT', '5m', VENUES))
            .toBe('ws://127.0.0.1:8000/api/v1/ws/liquidations/BTCUSDT?timeframe=5m&by_exchange=true');
        expect(liquidationsStreamUrl(ws, 'BTCUSDT', '5m', ['okx', 'bybit']))
            .toBe('ws://127.0.0.1:8000/api/v1/ws/liquidations/BTCUSDT?timeframe=5m&by_exchange=true&exchange=bybit,okx');
        expect(liquidationsStreamUrl(ws, 'BTCUSDT', '5m', ['okx'])).toBe('ws://127.0.0.1:8000/api/v1/ws/liquidations/BTCUSDT?timeframe=5m&exchange=okx');
    });

    it('should stack the bars only where more than one selected venue is enabled', () =>
    {
        expect(stacksByVenue(VENUES, null)).toBe(true);
        expect(stacksByVenue(VENUES, ['binance'])).toBe(false);
        expect(stacksByVenue(VENUES, [])).toBe(false);
        expect(stacksByVenue(['bybit', 'okx'], VENUES)).toBe(true);
        expect(stacksByVenue(['binance', 'okx'], ['binance', 'bybit'])).toBe(false);
    });

    it('should keep at least one venue selected when toggling', () =>
    {
        expect(toggleVenue(VENUES, 'bybit')).toEqual(['binance', 'okx']);
        expect(toggleVenue(['okx'], 'binance')).toEqual(['binance', 'okx']);
        expect(toggleVenue(['okx'], 'okx')).toEqual(['okx']);
        expect(sameVenues(['okx', 'bybit'], ['bybit', 'okx'])).toBe(true);
        expect(sameVenues(['okx'], ['bybit', 'okx'])).toBe(false);
    });
});
