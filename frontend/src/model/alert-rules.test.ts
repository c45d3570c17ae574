import { describe, expect, it } from 'vitest';
import { checkForm, defaultForm, describeRule, fieldOfMessage, formOf, readRule, type RuleForm } from './alert-rules';

const base = defaultForm('BTCUSDT', '5m', '250000');

function check(changes: Partial<RuleForm>): ReturnType<typeof checkForm>
{
    return checkForm({ ...base, ...changes });
}

describe('the alert rule form', () =>
{
    it('should default to a liquidation rule on the symbol and timeframe in view', () =>
    {
        expect(base).toMatchObject({ symbols: 'BTCUSDT', timeframe: '5m', threshold: '250000', condition: 'liquidation' });
    });

    it('should send only the fields a liquidation rule takes', () =>
    {
        expect(check({ side: 'SELL', cooldown_s: '1.5', symbols: 'btcusdt, ethusdt' })).toEqual({
            ok: true,
            body: {
                name: 'BTCUSDT liquidation ≥ 250000', symbols: ['BTCUSDT', 'ETHUSDT'], condition: 'liquidation',
                cooldown_ms: 1500, side: 'SELL', threshold: '250000',
            },
        });
    });

    it('should send a bucket rule with metric, timeframe and threshold, and every symbol for an empty scope', () =>
    {
        expect(check({ condition: 'bucket', metric: 'count', threshold: '8', symbols: ' ', webhook_url: 'http://127.0.0.1:9/x' }))
            .toEqual({
                ok: true,
                body: {
                    name: base.name, symbols: [], condition: 'bucket', cooldown_ms: 60_000, webhook_url: 'http://127.0.0.1:9/x',
                    metric: 'count', timeframe: '5m', threshold: '8',
                },
            });
    });

    it('should send an unusual volume rule with factor, baseline and its buckets, and no threshold', () =>
    {
        const result = check({ condition: 'unusual_volume', factor: '2.5', baseline: 'ewma', baseline_buckets: '5' });
        expect(result).toEqual({
            ok: true,
            body: {
                name: base.name, symbols: ['BTCUSDT'], condition: 'unusual_volume', cooldown_ms: 60_000,
                metric: 'total_volume', timeframe: '5m', factor: '2.5', baseline: 'ewma', baseline_buckets: 5,
            },
        });
    });

    it('should name each field that is wrong', () =>
    {
        expect(check({ name: ' ', symbols: 'BTC-USDT', threshold: '0', cooldown_s: '-1', webhook_url: 'ftp://x' })).toEqual({
            ok: false,
            errors: {
                name: 'must be 1 to 100 characters',
                symbols: 'BTC-USDT is not a symbol',
                threshold: 'must be above 0 and at most 1000000000000000',
                cooldown_s: 'must be 0 to 604800 seconds',
                webhook_url: 'must be an http:// or https:// URL',
            },
        });
        expect(check({ threshold: '1.123456789' })).toEqual({ ok: false, errors: { threshold: 'must be a number with at most 8 decimals' } });
        expect(check({ condition: 'bucket', metric: 'count', threshold: '2.5' })).toMatchObject({ ok: false, errors: { threshold: 'must be a whole number' } });
        expect(check({ condition: 'unusual_volume', factor: '2000000', baseline_buckets: '501' })).toEqual({
            ok: false,
            errors: { factor: 'must be above 0 and at most 1000000', baseline_buckets: 'must be 1 to 500' },
        });
        expect(check({ condition: 'bucket', timeframe: '7x' })).toMatchObject({ ok: false, errors: { timeframe: 'not a timeframe' } });
    });

    it('should ignore what the condition does not take', () =>
    {
        expect(check({ factor: 'nonsense', baseline_buckets: '0', metric: 'colour' }).ok).toBe(true);
    });

    it('should find the field a server message is about', () =>
    {
        expect(fieldOfMessage('threshold must be above 0 and at most 1000000000000000')).toBe('threshold');
        expect(fieldOfMessage('baseline_buckets must be 1 to 500')).toBe('baseline_buckets');
        expect(fieldOfMessage('baseline must be median or ewma')).toBe('baseline');
        expect(fieldOfMessage('cooldown_ms must be 0 to 604800000')).toBe('cooldown_s');
        expect(fieldOfMessage('webhook_url host is not allowed')).toBe('webhook_url');
        expect(fieldOfMessage('colour is not a rule field')).toBeNull();
        expect(fieldOfMessage('body must be a JSON object')).toBeNull();
    });

    it('should read a rule and fill the form from it for editing', () =>
    {
        const rule = readRule({
            id: 'r2k9', name: 'BTC longs', symbols: ['BTCUSDT'], condition: 'liquidation', side: 'SELL', metric: null,
            timeframe: null, threshold: '250000', factor: null, baseline: null, baseline_buckets: 0, cooldown_ms: 60000,
            webhook_url: null,
        });
        expect(rule).not.toBeNull();
        const form = formOf(rule!, base);
        expect(form).toMatchObject({ name: 'BTC longs', symbols: 'BTCUSDT', side: 'SELL', threshold: '250000', cooldown_s: '60', timeframe: '5m' });
        expect(checkForm(form)).toEqual({
            ok: true,
            body: { name: 'BTC longs', symbols: ['BTCUSDT'], condition: 'liquidation', cooldown_ms: 60_000, side: 'SELL', threshold: '250000' },
        });
        expect(describeRule(rule!)).toBe('BTCUSDT · liquidation ≥ 250000 (longs)');
        expect(readRule({ id: 'x', name: 'y', condition: 'price' })).toBeNull();
    });

    it('should keep a rule\'s venues through an edit and send them, and send none for every venue', () =>
    {
        const rule = readRule({
            id: 'r3', name: 'Bybit and OKX longs', symbols: [], condition: 'liquidation', side: 'SELL',
            threshold: '100000', baseline_buckets: 0, cooldown_ms: 0, exchange: 'bybit,okx',
        });
        const form = formOf(rule!, base);
        expect(form.exchange).toBe('bybit,okx');
        expect(checkForm(form)).toMatchObject({ ok: true, body: { exchange: 'bybit,okx' } });
        expect(describeRule(rule!)).toBe('all symbols on bybit,okx · liquidation ≥ 100000 (longs)');
        expect(formOf(readRule({ ...rule!, exchange: undefined })!, base).exchange).toBe('all');
        expect(checkForm({ ...form, exchange: 'all' })).not.toHaveProperty('body.exchange');
        expect(check({ exchange: 'bybit;okx' })).toEqual({ ok: false, errors: { exchange: 'all, or venues separated by commas' } });
        expect(fieldOfMessage('exchange must be all or a comma-separated list of binance, bybit, okx')).toBe('exchange');
    });
});
