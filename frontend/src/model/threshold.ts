// The highlight threshold in USDT: validated, one per symbol, remembered in the browser's storage.
import { compareDecimal } from './decimal';

export const DEFAULT_THRESHOLD_USDT = '100000';
/** More than any single liquidation the exchange has seen: a larger value would silently mark nothing. */
export const MAX_THRESHOLD_USDT = '1000000000';

export type ThresholdCheck =
    | { readonly ok: true; readonly value: string }
    | { readonly ok: false; readonly message: string };

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

/** Accepts a plain non-negative amount up to MAX_THRESHOLD_USDT (thousands separators and spaces ignored). */
export function checkThreshold(text: string): ThresholdCheck
{
    const value = text.replace(/[\s,_]/g, '');
    if (value === '')
    {
        return { ok: false, message: 'Enter an amount in USDT' };
    }
    if (value.startsWith('-'))
    {
        return { ok: false, message: 'Must be 0 or more' };
    }
    if (!PLAIN_DECIMAL.test(value))
    {
        return { ok: false, message: 'Not a number' };
    }
    if ((compareDecimal(value, MAX_THRESHOLD_USDT) ?? 1) > 0)
    {
        return { ok: false, message: 'At most 1B USDT' };
    }
    return { ok: true, value };
}

/** The part of localStorage this needs, so tests hand in a map. */
export interface KeyValueStore
{
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
}

const KEY_PREFIX = 'liqvol.threshold.';
/** The single value of earlier versions, the default for every symbol that has none of its own. */
const LEGACY_KEY = 'liqvol.largeThresholdUsdt';

export class ThresholdStore
{
    constructor(private readonly storage: KeyValueStore)
    {
    }

    get(symbol: string): string
    {
        for (const stored of [this.storage.getItem(KEY_PREFIX + symbol), this.storage.getItem(LEGACY_KEY)])
        {
            const check = stored === null ? null : checkThreshold(stored);
            if (check !== null && check.ok)
            {
                return check.value;
            }
        }
        return DEFAULT_THRESHOLD_USDT;
    }

    set(symbol: string, value: string): void
    {
        this.storage.setItem(KEY_PREFIX + symbol, value);
    }
}
