// Alert events (docs/API.md §7.2): read from REST and the alerts stream into one list, newest first, each once.
import { bucketStartMs, type Timeframe } from './timeframes';

export interface AlertEvent
{
    readonly id: number;
    readonly ruleId: string;
    readonly ruleName: string;
    readonly symbol: string;
    readonly timeframe: string | null;
    readonly condition: string;
    readonly metric: string | null;
    readonly value: string;
    readonly threshold: string;
    readonly ratio: string | null;
    /** The liquidation's side for a liquidation rule, else null. */
    readonly side: 'BUY' | 'SELL' | null;
    /** Trade time of the liquidation, or start of the bucket, in ms. */
    readonly atMs: number;
    readonly triggerTimeMs: number;
    readonly firedAtMs: number;
}

export const MAX_EVENTS = 50;

function isObject(value: unknown): value is Record<string, unknown>
{
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null
{
    return typeof value === 'string' ? value : null;
}

function integer(value: unknown): number | null
{
    return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

/** An event of §7.2, or null when it is not one. */
export function readAlertEvent(value: unknown): AlertEvent | null
{
    if (!isObject(value) || value.type !== 'alert')
    {
        return null;
    }
    const liquidation = isObject(value.liquidation) ? value.liquidation : null;
    const bucket = isObject(value.bucket) ? value.bucket : null;
    const id = integer(value.id);
    const ruleId = text(value.rule_id);
    const symbol = text(value.symbol);
    const condition = text(value.condition);
    const amount = text(value.value);
    const threshold = text(value.threshold);
    const atMs = integer((liquidation ?? bucket)?.time);
    const triggerTimeMs = integer(value.trigger_time);
    const firedAtMs = integer(value.fired_at);
    if (id === null || ruleId === null || symbol === null || condition === null || amount === null || threshold === null
        || atMs === null || triggerTimeMs === null || firedAtMs === null)
    {
        return null;
    }
    const side = liquidation?.side;
    return {
        id,
        ruleId,
        ruleName: text(value.rule_name) ?? ruleId,
        symbol,
        timeframe: text(value.timeframe),
        condition,
        metric: text(value.metric),
        value: amount,
        threshold,
        ratio: text(value.ratio),
        side: side === 'BUY' || side === 'SELL' ? side : null,
        atMs,
        triggerTimeMs,
        firedAtMs,
    };
}

/** The recent events, newest (highest id) first, at most MAX_EVENTS, each id once. */
export class AlertEventList
{
    private list: AlertEvent[] = [];

    get events(): readonly AlertEvent[]
    {
        return this.list;
    }

    /** Adds what it has not seen; returns the new ones, newest first. */
    add(events: readonly AlertEvent[]): AlertEvent[]
    {
        const known = new Set(this.list.map((event) => event.id));
        const fresh = events.filter((event) => !known.has(event.id) && known.add(event.id));
        if (fresh.length > 0)
        {
            this.list = [...this.list, ...fresh].sort((a, b) => b.id - a.id).slice(0, MAX_EVENTS);
        }
        return fresh.sort((a, b) => b.id - a.id);
    }
}

/** Fired this recently, a new event is worth a notification; older ones are replays after a reconnect. */
export const NOTIFY_WITHIN_MS = 60_000;

export function worthNotifying(event: AlertEvent, nowMs: number): boolean
{
    return nowMs - event.firedAtMs <= NOTIFY_WITHIN_MS;
}

/** One line for the list and the notification, e.g. "BTCUSDT liquidation 312,000 ≥ 250000". */
export function describeEvent(event: AlertEvent): string
{
    const what = event.condition === 'liquidation' ? 'liquidation' : `${event.timeframe ?? ''} ${event.metric ?? ''}`;
    const ratio = event.ratio === null ? '' : ` (${event.ratio}×)`;
    return `${event.symbol} ${what} ${event.value} ≥ ${event.threshold}${ratio}`;
}

export interface AlertMarker
{
    readonly timeSec: number;
    readonly label: string;
}

/**
 * Where the events of the symbol in view go on its chart: the bar of the liquidation that fired, or the bar of the
 * bucket (its own start when the rule's timeframe is the view's, else the bar the trigger time falls in).
 * One marker per bar, oldest first as the chart needs them.
 */
export function alertMarkers(events: readonly AlertEvent[], symbol: string, timeframe: Timeframe): AlertMarker[]
{
    const perBar = new Map<number, AlertEvent[]>();
    for (const event of events)
    {
        if (event.symbol !== symbol)
        {
            continue;
        }
        const atMs = event.condition === 'liquidation' || event.timeframe === timeframe ? event.atMs : event.triggerTimeMs;
        const timeSec = bucketStartMs(atMs, timeframe) / 1000;
        perBar.set(timeSec, [...(perBar.get(timeSec) ?? []), event]);
    }
    return [...perBar.entries()]
        .sort(([a], [b]) => a - b)
        .map(([timeSec, fired]) => ({ timeSec, label: fired.length === 1 ? fired[0].ruleName.slice(0, 24) : `${fired.length} alerts` }));
}
