import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, readViewState, sameView, writeViewState } from './url-state';

describe('url state', () =>
{
    it('should read symbol and timeframe from the query', () =>
    {
        expect(readViewState('?symbol=ethusdt&tf=1M')).toEqual({ ...DEFAULT_VIEW, symbol: 'ETHUSDT', timeframe: '1M' });
    });

    it('should fall back to the default for missing or invalid values', () =>
    {
        expect(readViewState('')).toEqual(DEFAULT_VIEW);
        expect(readViewState('?symbol=<script>&tf=7m')).toEqual(DEFAULT_VIEW);
        expect(readViewState('?tf=4h')).toEqual({ ...DEFAULT_VIEW, timeframe: '4h' });
    });

    it('should round-trip a view and keep other parameters', () =>
    {
        const view = { ...DEFAULT_VIEW, symbol: 'SOLUSDT', timeframe: '15m' } as const;
        const query = writeViewState('?theme=dark&symbol=BTCUSDT', view);
        expect(new URLSearchParams(query).get('theme')).toBe('dark');
        expect(readViewState(query)).toEqual(view);
        expect(sameView(readViewState(query), view)).toBe(true);
    });

    it('should keep a custom timeframe in the URL in the unit the server answers with', () =>
    {
        expect(readViewState('?symbol=BTCUSDT&tf=10m')).toEqual({ ...DEFAULT_VIEW, timeframe: '10m' });
        expect(readViewState('?tf=120m').timeframe).toBe('2h');
        expect(readViewState('?tf=25h')).toEqual(DEFAULT_VIEW);
        const query = writeViewState('', { ...DEFAULT_VIEW, symbol: 'ETHUSDT', timeframe: '2d' });
        expect(readViewState(query)).toEqual({ ...DEFAULT_VIEW, symbol: 'ETHUSDT', timeframe: '2d' });
    });

    it('should keep the venues in the URL only when not all are selected', () =>
    {
        const some = writeViewState('?exchange=okx', { ...DEFAULT_VIEW, venues: ['okx', 'binance'] });
        expect(new URLSearchParams(some).get('exchange')).toBe('binance,okx');
        expect(readViewState(some).venues).toEqual(['binance', 'okx']);
        expect(sameView(readViewState(some), DEFAULT_VIEW)).toBe(false);
        const all = writeViewState(some, DEFAULT_VIEW);
        expect(new URLSearchParams(all).has('exchange')).toBe(false);
        expect(sameView(readViewState(all), DEFAULT_VIEW)).toBe(true);
    });
});
