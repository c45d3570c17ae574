import { describe, expect, it } from 'vitest';
import { checkThreshold, DEFAULT_THRESHOLD_USDT, ThresholdStore, type KeyValueStore } from './threshold';

class MapStore implements KeyValueStore
{
    readonly map = new Map<string, string>();

    getItem(key: string): string | null
    {
        return this.map.get(key) ?? null;
    }

    setItem(key: string, value: string): void
    {
        this.map.set(key, value);
    }
}

describe('checkThreshold', () =>
{
    it('should accept plain amounts, separators ignored', () =>
    {
        expect(checkThreshold('250000')).toEqual({ ok: true, value: '250000' });
        expect(checkThreshold(' 1,000,000.5 ')).toEqual({ ok: true, value: '1000000.5' });
        expect(checkThreshold('0')).toEqual({ ok: true, value: '0' });
        expect(checkThreshold('1000000000')).toEqual({ ok: true, value: '1000000000' });
    });

    it('should reject negative, absurd and unreadable amounts with a message', () =>
    {
        expect(checkThreshold('-5')).toEqual({ ok: false, message: 'Must be 0 or more' });
        expect(checkThreshold('1000000000.01')).toEqual({ ok: false, message: 'At most 1B USDT' });
        expect(checkThreshold('1e5')).toEqual({ ok: false, message: 'Not a number' });
        expect(checkThreshold('')).toEqual({ ok: false, message: 'Enter an amount in USDT' });
    });
});

describe('ThresholdStore', () =>
{
    it('should remember a threshold per symbol, falling back to the old single value, then the default', () =>
    {
        const storage = new MapStore();
        const store = new ThresholdStore(storage);
        expect(store.get('BTCUSDT')).toBe(DEFAULT_THRESHOLD_USDT);
        storage.setItem('liqvol.largeThresholdUsdt', '50000');
        expect(store.get('BTCUSDT')).toBe('50000');
        store.set('BTCUSDT', '1000000');
        store.set('DOGEUSDT', '5000');
        expect(store.get('BTCUSDT')).toBe('1000000');
        expect(store.get('DOGEUSDT')).toBe('5000');
        expect(store.get('ETHUSDT')).toBe('50000');
    });

    it('should ignore a stored value that is no longer valid', () =>
    {
        const storage = new MapStore();
        storage.setItem('liqvol.threshold.BTCUSDT', '-5');
        expect(new ThresholdStore(storage).get('BTCUSDT')).toBe(DEFAULT_THRESHOLD_USDT);
    });
});
