// Reading the server's messages (docs/API.md sections 3 and 4) into typed values. Anything malformed is
// answered with null for the caller to count and skip: one bad message never stops the page.

import type { GapKind } from './gaps';
import { isVenue, VENUES, type Venue } from './venues';

export type Side = 'BUY' | 'SELL';

export interface LiquidationOrder
{
    readonly symbol: string;
    readonly side: Side;
    readonly quantity: string;
    readonly avgPrice: string;
    /** quantity x avgPrice in USDT, the contract's priceUsdt. */
    readonly notional: string;
    readonly timestampMs: number;
    readonly baseAsset: string;
    /** The venue it was recorded from (docs/API.md §9); null from a server that does not say. */
    readonly exchange: Venue | null;
}

/** One venue's part of a volume bucket (the `exchanges` of a by_exchange=true row, docs/API.md §9). */
export interface VenueVolume
{
    readonly buy: string;
    readonly sell: string;
    readonly buyCount: number;
    readonly sellCount: number;
}

export interface VolumeBucket
{
    /** Bucket start in epoch seconds, the candle's time. */
    readonly time: number;
    readonly buy: string;
    readonly sell: string;
    readonly total: string;
    readonly delta: string;
    readonly buyFormatted: string | null;
    readonly sellFormatted: string | null;
    readonly totalFormatted: string | null;
    readonly deltaFormatted: string | null;
    readonly buyCount: number;
    readonly sellCount: number;
    readonly count: number;
    /** The recorded share of the bucket's elapsed time (0..1); null when the server does not send it. */
    readonly coverage: number | null;
    readonly recordedMs: number | null;
    /** Each selected venue with a liquidation in the bucket, in the order of VENUES; null when not asked for. */
    readonly venues: ReadonlyMap<Venue, VenueVolume> | null;
}

export interface Candle
{
    readonly time: number;
    readonly open: string;
    readonly high: string;
    readonly low: string;
    readonly close: string;
    readonly volume: string;
}

export interface TimeRangeMs
{
    readonly start: number;
    readonly end: number;
}

export type ServerMessage =
    | { readonly type: 'liquidation_order'; readonly initial: boolean; readonly data: readonly LiquidationOrder[] }
    | {
        readonly type: 'liquidation_volume';
        readonly timeframe: string;
        readonly isUpdate: boolean;
        readonly range: TimeRangeMs | null;
        readonly data: readonly VolumeBucket[];
    }
    | { readonly type: 'kline'; readonly timeframe: string; readonly data: Candle }
    | { readonly type: 'gap'; readonly fromMs: number; readonly toMs: number; readonly kind: GapKind | undefined }
    | { readonly type: 'heartbeat' }
    | { readonly type: 'pong' }
    | { readonly type: 'error'; readonly code: string; readonly message: string };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json
{
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A decimal field: sent as a string, tolerated as a finite number. */
function decimalField(value: unknown): string | null
{
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    {
        return value.trim();
    }
    return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

function integerField(value: unknown): number | null
{
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof number === 'number' && Number.isSafeInteger(number) ? number : null;
}

/** A share from 0 to 1; anything else reads as not sent. */
function shareField(value: unknown): number | null
{
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof number === 'number' && number >= 0 && number <= 1 ? number : null;
}

function optionalText(value: unknown): string | null
{
    return typeof value === 'string' ? value : null;
}

export function readLiquidationOrder(value: unknown): LiquidationOrder | null
{
    if (!isObject(value) || (value.side !== 'BUY' && value.side !== 'SELL') || typeof value.symbol !== 'string')
    {
        return null;
    }
    const quantity = decimalField(value.quantity);
    const avgPrice = decimalField(value.avgPrice);
    const notional = decimalField(value.priceUsdt);
    const timestampMs = integerField(value.timestamp);
    if (quantity === null || avgPrice === null || notional === null || timestampMs === null)
    {
        return null;
    }
    return {
        symbol: value.symbol,
        side: value.side,
        quantity,
        avgPrice,
        notional,
        timestampMs,
        baseAsset: optionalText(value.baseAsset) ?? '',
        exchange: isVenue(value.exchange) ? value.exchange : null,
    };
}

function readVenueVolume(value: unknown): VenueVolume | null
{
    if (!isObject(value))
    {
        return null;
    }
    const buy = decimalField(value.buy_volume);
    const sell = decimalField(value.sell_volume);
    return buy === null || sell === null
        ? null
        : { buy, sell, buyCount: integerField(value.buy_count) ?? 0, sellCount: integerField(value.sell_count) ?? 0 };
}

/** A row's `exchanges` object; unknown venues and unreadable parts are left out. */
function readVenueVolumes(value: unknown): ReadonlyMap<Venue, VenueVolume> | null
{
    if (!isObject(value))
    {
        return null;
    }
    const venues = new Map<Venue, VenueVolume>();
    for (const venue of VENUES)
    {
        const part = readVenueVolume(value[venue]);
        if (part !== null)
        {
            venues.set(venue, part);
        }
    }
    return venues;
}

export function readVolumeBucket(value: unknown): VolumeBucket | null
{
    if (!isObject(value))
    {
        return null;
    }
    const time = integerField(value.time);
    const buy = decimalField(value.buy_volume);
    const sell = decimalField(value.sell_volume);
    const total = decimalField(value.total_volume);
    const delta = decimalField(value.delta_volume);
    const buyCount = integerField(value.buy_count) ?? 0;
    const sellCount = integerField(value.sell_count) ?? 0;
    const count = integerField(value.count) ?? buyCount + sellCount;
    if (time === null || buy === null || sell === null || total === null || delta === null)
    {
        return null;
    }
    return {
        time,
        buy,
        sell,
        total,
        delta,
        buyFormatted: optionalText(value.buy_volume_formatted),
        sellFormatted: optionalText(value.sell_volume_formatted),
        totalFormatted: optionalText(value.total_volume_formatted),
        deltaFormatted: optionalText(value.delta_volume_formatted),
        buyCount,
        sellCount,
        count,
        coverage: shareField(value.coverage),
        recordedMs: integerField(value.recorded_ms),
        venues: readVenueVolumes(value.exchanges),
    };
}

export function readCandle(value: unknown): Candle | null
{
    if (!isObject(value))
    {
        return null;
    }
    const time = integerField(value.time);
    const open = decimalField(value.open);
    const high = decimalField(value.high);
    const low = decimalField(value.low);
    const close = decimalField(value.close);
    if (time === null || open === null || high === null || low === null || close === null)
    {
        return null;
    }
    return { time, open, high, low, close, volume: decimalField(value.volume) ?? '0' };
}

/** Every readable element of an array; unreadable ones are dropped. */
export function readAll<T>(value: unknown, read: (element: unknown) => T | null): T[]
{
    if (!Array.isArray(value))
    {
        return [];
    }
    const result: T[] = [];
    for (const element of value)
    {
        const item = read(element);
        if (item !== null)
        {
            result.push(item);
        }
    }
    return result;
}

function readRange(value: unknown): TimeRangeMs | null
{
    if (!isObject(value))
    {
        return null;
    }
    const start = integerField(value.start);
    const end = integerField(value.end);
    return start === null || end === null ? null : { start, end };
}

export function parseServerMessage(text: string): ServerMessage | null
{
    let json: unknown;
    try
    {
        json = JSON.parse(text);
    }
    catch
    {
        return null;
    }
    if (!isObject(json))
    {
        return null;
    }
    switch (json.type)
    {
        case 'liquidation_order':
            return Array.isArray(json.data)
                ? { type: 'liquidation_order', initial: json.initial === true, data: readAll(json.data, readLiquidationOrder) }
                : null;
        case 'liquidation_volume':
            return Array.isArray(json.data)
                ? {
                    type: 'liquidation_volume',
                    timeframe: optionalText(json.timeframe) ?? '',
                    isUpdate: json.is_update === true,
                    range: readRange(json.range),
                    data: readAll(json.data, readVolumeBucket),
                }
                : null;
        case 'kline':
        {
            const candle = readCandle(json.data);
            return candle === null ? null : { type: 'kline', timeframe: optionalText(json.timeframe) ?? '', data: candle };
        }
        case 'gap':
        {
            const fromMs = integerField(json.from);
            const toMs = integerField(json.to);
            const kind = json.kind === 'upstream' || json.kind === 'journal' || json.kind === 'downtime' ? json.kind : undefined;
            return fromMs === null || toMs === null ? null : { type: 'gap', fromMs, toMs, kind };
        }
        case 'heartbeat':
            return { type: 'heartbeat' };
        case 'pong':
            return { type: 'pong' };
        case 'error':
            return { type: 'error', code: optionalText(json.code) ?? 'error', message: optionalText(json.message) ?? '' };
        default:
            return null;
    }
}
