import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, readViewState, sameView, writeViewState } from './url-state';

describe('url state', () =>
{
    it('should read symbol and timeframe from the query', () =>
    {
        expect(readViewState('?symbol=ethusdt&tf=1M')).toEqual({ symbol: 'ETHUSDT', timeframe: '1M' });
    });

    it('should fall back to the default for missing or invalid values', () =>
    {
        expect(readViewState('')).toEqual(DEFAULT_VIEW);
        expect(readViewState('?symbol=<script>&tf=7m')).toEqual(DEFAULT_VIEW);
        expect(readViewState('?tf=4h')).toEqual({ symbol: 'BTCUSDT', timeframe: '4h' });
    });

    it('should round-trip a view and keep other parameters', () =>
    {
        const query = writeViewState('?theme=dark&symbol=BTCUSDT', { symbol: 'SOLUSDT', timeframe: '15m' });
        expect(new URLSearchParams(query).get('theme')).toBe('dark');
        expect(readViewState(query)).toEqual({ symbol: 'SOLUSDT', timeframe: '15m' });
        expect(sameView(readViewState(query), { symbol: 'SOLUSDT', timeframe: '15m' })).toBe(true);
    });

    it('should keep a custom timeframe in the URL in the unit the server answers with', () =>
    {
        expect(readViewState('?symbol=BTCUSDT&tf=10m')).toEqual({ symbol: 'BTCUSDT', timeframe: '10m' });
        expect(readViewState('?tf=120m').timeframe).toBe('2h');
        expect(readViewState('?tf=25h')).toEqual(DEFAULT_VIEW);
        const query = writeViewState('', { symbol: 'ETHUSDT', timeframe: '2d' });
        expect(readViewState(query)).toEqual({ symbol: 'ETHUSDT', timeframe: '2d' });
    });
});
