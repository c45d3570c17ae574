// Alert rules (docs/API.md §7.1): the page's form, its checks before sending, and the JSON body it sends.
import { compareDecimal } from './decimal';
import { isTimeframe } from './timeframes';

export type Condition = 'liquidation' | 'bucket' | 'unusual_volume';
export const CONDITIONS: readonly Condition[] = ['liquidation', 'bucket', 'unusual_volume'];
export const METRICS = ['total_volume', 'buy_volume', 'sell_volume', 'delta_volume', 'count'] as const;
export const BASELINES = ['median', 'ewma'] as const;

/** What the form holds, all as typed: the rule's fields (the contract's names) as text. */
export interface RuleForm
{
    readonly name: string;
    /** Comma or space separated; empty is every symbol. */
    readonly symbols: string;
    readonly condition: Condition;
    /** '' for both sides. */
    readonly side: '' | 'SELL' | 'BUY';
    readonly metric: string;
    readonly timeframe: string;
    readonly threshold: string;
    readonly factor: string;
    readonly baseline: string;
    readonly baseline_buckets: string;
    /** Seconds in the form, milliseconds in the rule. */
    readonly cooldown_s: string;
    readonly webhook_url: string;
    /** `all` or the venues' codes, comma separated (§9); a rule written before venues is `all`. */
    readonly exchange: string;
}

export type FormField = keyof RuleForm;

/** A rule as the server answers it. */
export interface AlertRule
{
    readonly id: string;
    readonly name: string;
    readonly symbols: readonly string[];
    readonly condition: Condition;
    readonly side: 'SELL' | 'BUY' | null;
    readonly metric: string | null;
    readonly timeframe: string | null;
    readonly threshold: string | null;
    readonly factor: string | null;
    readonly baseline: string | null;
    readonly baseline_buckets: number;
    readonly cooldown_ms: number;
    readonly webhook_url: string | null;
    /** `all` or the venues' codes (§9); `all` from a server before venues. */
    readonly exchange: string;
}

export type FormCheck =
    | { readonly ok: true; readonly body: Record<string, unknown> }
    | { readonly ok: false; readonly errors: Partial<Record<FormField, string>> };

const SYMBOL = /^[A-Z0-9]{1,32}$/;
const AMOUNT = /^\d+(\.\d{1,8})?$/;
const MAX_AMOUNT = '1000000000000000';
const MAX_FACTOR = '1000000';
const MAX_COOLDOWN_S = 604_800;

/** The fields each condition takes besides name, symbols, cool-down and webhook. */
export const FIELDS_OF: Readonly<Record<Condition, readonly FormField[]>> = {
    liquidation: ['side', 'threshold'],
    bucket: ['metric', 'timeframe', 'threshold'],
    unusual_volume: ['metric', 'timeframe', 'factor', 'baseline', 'baseline_buckets'],
};

/** A new rule for what is in view: a single liquidation of the symbol at or above the page's highlight amount. */
export function defaultForm(symbol: string, timeframe: string, thresholdUsdt: string): RuleForm
{
    return {
        name: `${symbol} liquidation ≥ ${thresholdUsdt}`,
        symbols: symbol,
        condition: 'liquidation',
        side: '',
        metric: 'total_volume',
        timeframe,
        threshold: thresholdUsdt,
        factor: '3',
        baseline: 'median',
        baseline_buckets: '20',
        cooldown_s: '60',
        webhook_url: '',
        exchange: 'all',
    };
}

/** The form showing a rule, for editing it. */
export function formOf(rule: AlertRule, fallback: RuleForm): RuleForm
{
    return {
        name: rule.name,
        symbols: rule.symbols.join(', '),
        condition: rule.condition,
        side: rule.side ?? '',
        metric: rule.metric ?? fallback.metric,
        timeframe: rule.timeframe ?? fallback.timeframe,
        threshold: rule.threshold ?? fallback.threshold,
        factor: rule.factor ?? fallback.factor,
        baseline: rule.baseline ?? fallback.baseline,
        baseline_buckets: rule.baseline_buckets > 0 ? String(rule.baseline_buckets) : fallback.baseline_buckets,
        cooldown_s: String(rule.cooldown_ms / 1000),
        webhook_url: rule.webhook_url ?? '',
        exchange: rule.exchange,
    };
}

function amountError(text: string, max: string, whole: boolean): string | null
{
    if (!AMOUNT.test(text) || (whole && text.includes('.')))
    {
        return whole ? 'must be a whole number' : 'must be a number with at most 8 decimals';
    }
    if ((compareDecimal(text, '0') ?? 0) <= 0 || (compareDecimal(text, max) ?? 1) > 0)
    {
        return `must be above 0 and at most ${max}`;
    }
    return null;
}

/** Checks the form as the server would (§7.1) and builds the body: only the fields the condition takes. */
export function checkForm(form: RuleForm): FormCheck
{
    const errors: Partial<Record<FormField, string>> = {};
    const taken = new Set<FormField>(FIELDS_OF[form.condition]);
    const name = form.name.trim();
    if (name.length < 1 || name.length > 100)
    {
        errors.name = 'must be 1 to 100 characters';
    }
    const symbols = form.symbols.toUpperCase().split(/[\s,]+/).filter((s) => s !== '');
    const badSymbol = symbols.find((s) => !SYMBOL.test(s));
    if (badSymbol !== undefined || symbols.length > 100)
    {
        errors.symbols = badSymbol === undefined ? 'at most 100 symbols' : `${badSymbol} is not a symbol`;
    }
    const metric = form.metric;
    if (taken.has('metric') && !(METRICS as readonly string[]).includes(metric))
    {
        errors.metric = 'choose a metric';
    }
    if (taken.has('timeframe') && !isTimeframe(form.timeframe))
    {
        errors.timeframe = 'not a timeframe';
    }
    const threshold = form.threshold.replace(/[\s,_]/g, '');
    const thresholdError = taken.has('threshold') ? amountError(threshold, MAX_AMOUNT, metric === 'count' && form.condition === 'bucket') : null;
    if (thresholdError !== null)
    {
        errors.threshold = thresholdError;
    }
    const factorError = taken.has('factor') ? amountError(form.factor.trim(), MAX_FACTOR, false) : null;
    if (factorError !== null)
    {
        errors.factor = factorError;
    }
    const buckets = Number(form.baseline_buckets);
    if (taken.has('baseline_buckets') && !(/^\d+$/.test(form.baseline_buckets) && buckets >= 1 && buckets <= 500))
    {
        errors.baseline_buckets = 'must be 1 to 500';
    }
    const cooldownS = Number(form.cooldown_s === '' ? '0' : form.cooldown_s);
    if (!/^\d*(\.\d{1,3})?$/.test(form.cooldown_s) || cooldownS > MAX_COOLDOWN_S)
    {
        errors.cooldown_s = `must be 0 to ${MAX_COOLDOWN_S} seconds`;
    }
    const webhook = form.webhook_url.trim();
    if (webhook !== '' && !/^https?:\/\/[^\s/]+/.test(webhook))
    {
        errors.webhook_url = 'must be an http:// or https:// URL';
    }
    if (!/^(all|[a-z]+(,[a-z]+)*)$/.test(form.exchange))
    {
        errors.exchange = 'all, or venues separated by commas';
    }
    if (Object.keys(errors).length > 0)
    {
        return { ok: false, errors };
    }
    const body: Record<string, unknown> = {
        name,
        symbols,
        condition: form.condition,
        cooldown_ms: Math.round(cooldownS * 1000),
    };
    if (form.exchange !== 'all')
    {
        body.exchange = form.exchange;
    }
    if (webhook !== '')
    {
        body.webhook_url = webhook;
    }
    if (taken.has('side') && form.side !== '')
    {
        body.side = form.side;
    }
    if (taken.has('metric'))
    {
        body.metric = metric;
        body.timeframe = form.timeframe;
    }
    if (taken.has('threshold'))
    {
        body.threshold = threshold;
    }
    if (taken.has('factor'))
    {
        body.factor = form.factor.trim();
        body.baseline = form.baseline;
        body.baseline_buckets = buckets;
    }
    return { ok: true, body };
}

/** The form field a server's invalid_rule message is about: it begins with the rule field's name. */
export function fieldOfMessage(message: string): FormField | null
{
    const first = /^[a-z_]+/.exec(message)?.[0] ?? '';
    if (first === 'cooldown_ms')
    {
        return 'cooldown_s';
    }
    const fields: readonly FormField[] = ['name', 'symbols', 'condition', 'side', 'metric', 'timeframe', 'threshold',
        'factor', 'baseline_buckets', 'baseline', 'webhook_url', 'exchange'];
    return fields.find((field) => field === first) ?? null;
}

function isObject(value: unknown): value is Record<string, unknown>
{
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOrNull(value: unknown): string | null
{
    return typeof value === 'string' ? value : null;
}

/** A rule of the server's answer, or null when it is not one. */
export function readRule(value: unknown): AlertRule | null
{
    if (!isObject(value) || typeof value.id !== 'string' || typeof value.name !== 'string'
        || !CONDITIONS.includes(value.condition as Condition))
    {
        return null;
    }
    const symbols = Array.isArray(value.symbols) ? value.symbols.filter((s): s is string => typeof s === 'string') : [];
    return {
        id: value.id,
        name: value.name,
        symbols,
        condition: value.condition as Condition,
        side: value.side === 'SELL' || value.side === 'BUY' ? value.side : null,
        metric: textOrNull(value.metric),
        timeframe: textOrNull(value.timeframe),
        threshold: textOrNull(value.threshold),
        factor: textOrNull(value.factor),
        baseline: textOrNull(value.baseline),
        baseline_buckets: typeof value.baseline_buckets === 'number' ? value.baseline_buckets : 0,
        cooldown_ms: typeof value.cooldown_ms === 'number' ? value.cooldown_ms : 0,
        webhook_url: textOrNull(value.webhook_url),
        exchange: typeof value.exchange === 'string' ? value.exchange : 'all',
    };
}

/** One line saying what a rule watches, e.g. "BTCUSDT · liquidation ≥ 250000 (longs)". */
export function describeRule(rule: AlertRule): string
{
    const scope = (rule.symbols.length === 0 ? 'all symbols' : rule.symbols.join(', '))
        + (rule.exchange === 'all' ? '' : ` on ${rule.exchange}`);
    if (rule.condition === 'liquidation')
    {
        const side = rule.side === 'SELL' ? ' (longs)' : rule.side === 'BUY' ? ' (shorts)' : '';
        return `${scope} · liquidation ≥ ${rule.threshold ?? '?'}${side}`;
    }
    if (rule.condition === 'bucket')
    {
        return `${scope} · ${rule.timeframe ?? '?'} ${rule.metric ?? '?'} ≥ ${rule.threshold ?? '?'}`;
    }
    return `${scope} · ${rule.timeframe ?? '?'} ${rule.metric ?? '?'} ≥ ${rule.factor ?? '?'} × ${rule.baseline ?? '?'} of ${rule.baseline_buckets}`;
}
