import { compareDecimal } from './decimal';
import type { CoverageContext } from './coverage';
import { GapSet, type GapsAnswer } from './gaps';
import { LiquidationFeed } from './liquidation-feed';
import { parseServerMessage, type Candle, type LiquidationOrder, type TimeRangeMs, type VolumeBucket } from './messages';
import { SeriesStore } from './series-store';
import { bucketsBeforeMs, historyPageBars } from './timeframes';
import type { ViewState } from './url-state';

/** How many candles one step back in history loads (the klines endpoint's default window). */
export const HISTORY_PAGE = 500;
/** How many recent liquidations the chart keeps as candidates for large-liquidation markers. */
const MARKER_ORDERS = 500;

/** What a message changed, for the page to redraw only that. */
export interface Change
{
    readonly chart: boolean;
    readonly addedOrders: readonly LiquidationOrder[] | null;
    readonly tableReset: boolean;
    readonly gaps: boolean;
    readonly error: { readonly code: string; readonly message: string } | null;
}

const NO_CHANGE: Change = { chart: false, addedOrders: null, tableReset: false, gaps: false, error: null };

/** Accumulated totals only grow, so the bucket with more liquidations is the newer one. */
export function keepNewerBucket(existing: VolumeBucket, incoming: VolumeBucket): boolean
{
    return existing.count > incoming.count;
}

/** A candle's traded volume only grows while it is open, so the one with more volume is the newer one. */
export function keepNewerCandle(existing: Candle, incoming: Candle): boolean
{
    return (compareDecimal(existing.volume, incoming.volume) ?? 0) > 0;
}

/**
 * Everything one view (symbol and timeframe) shows, fed by the two sockets and the klines endpoint. It
 * holds no DOM and no chart: the page asks it for chart operations and rows.
 */
export class MarketModel
{
    readonly candles = new SeriesStore<Candle>(keepNewerCandle);
    readonly volume = new SeriesStore<VolumeBucket>(keepNewerBucket);
    readonly feed = new LiquidationFeed();
    readonly gaps = new GapSet();
    /** Recent liquidations of the symbol, newest first, for the chart's markers. */
    readonly recent = new LiquidationFeed(MARKER_ORDERS);
    private recordingSince: number | null = null;
    private malformed = 0;
    private loadingOlder = false;
    private historyExhausted = false;
    private readonly unansweredRanges = new Map<string, TimeRangeMs>();

    constructor(readonly view: ViewState)
    {
    }

    get malformedMessages(): number
    {
        return this.malformed;
    }

    /** When the server began recording, null while it has not said (coverage then stays unknown). */
    get recordingSinceMs(): number | null
    {
        return this.recordingSince;
    }

    /** Whether the klines endpoint had nothing older than the oldest candle. */
    get noOlderData(): boolean
    {
        return this.historyExhausted;
    }

    coverageContext(nowMs: number): CoverageContext
    {
        return { gaps: this.gaps.list, recordingSinceMs: this.recordingSince, nowMs };
    }

    /** The server's recorded gaps and start of recording; returns whether anything changed. */
    onGapsAnswer(answer: GapsAnswer): boolean
    {
        let changed = false;
        if (answer.recordingSinceMs !== null && answer.recordingSinceMs !== this.recordingSince)
        {
            this.recordingSince = answer.recordingSinceMs;
            changed = true;
        }
        for (const gap of answer.gaps)
        {
            changed = this.gaps.add(gap) || changed;
        }
        return changed;
    }

    /** A message of the liquidations socket. */
    onLiquidationMessage(text: string): Change
    {
        const message = parseServerMessage(text);
        if (message === null)
        {
            this.malformed++;
            return NO_CHANGE;
        }
        switch (message.type)
        {
            case 'liquidation_order':
            {
                const orders = message.data.filter((o) => o.symbol === this.view.symbol);
                this.recent.apply(message.initial, orders);
                const added = this.feed.apply(message.initial, orders);
                return { ...NO_CHANGE, addedOrders: added, tableReset: message.initial };
            }
            case 'liquidation_volume':
                if (message.timeframe !== '' && message.timeframe !== this.view.timeframe)
                {
                    return NO_CHANGE;
                }
                if (message.isUpdate)
                {
                    this.volume.live(message.data);
                }
                else
                {
                    if (message.range !== null)
                    {
                        this.unansweredRanges.delete(rangeKey(message.range));
                    }
                    this.volume.snapshot(message.data);
                }
                return { ...NO_CHANGE, chart: true };
            case 'gap':
            {
                const gap = { fromMs: message.fromMs, toMs: message.toMs };
                return { ...NO_CHANGE, gaps: this.gaps.add(message.kind === undefined ? gap : { ...gap, kind: message.kind }) };
            }
            case 'error':
                return { ...NO_CHANGE, error: { code: message.code, message: message.message } };
            default:
                return NO_CHANGE;
        }
    }

    /** A message of the klines socket. */
    onKlineMessage(text: string): Change
    {
        const message = parseServerMessage(text);
        if (message === null)
        {
            this.malformed++;
            return NO_CHANGE;
        }
        if (message.type === 'kline' && (message.timeframe === '' || message.timeframe === this.view.timeframe))
        {
            this.candles.live([message.data]);
            return { ...NO_CHANGE, chart: true };
        }
        return message.type === 'error' ? { ...NO_CHANGE, error: { code: message.code, message: message.message } } : NO_CHANGE;
    }

    /** The klines endpoint's answer for the latest window. */
    onLatestKlines(candles: readonly Candle[]): void
    {
        this.candles.snapshot(candles);
    }

    /**
     * Where the next older page of candles ends (exclusive, ms), or null while one is loading or history is
     * exhausted; the caller fetches it and hands it to onOlderKlines.
     */
    beginOlderLoad(): { readonly startMs: number; readonly endMs: number } | null
    {
        const first = this.candles.firstTime();
        if (this.loadingOlder || this.historyExhausted || first === null)
        {
            return null;
        }
        this.loadingOlder = true;
        const endMs = first * 1000;
        return { startMs: bucketsBeforeMs(endMs, this.view.timeframe, historyPageBars(this.view.timeframe, HISTORY_PAGE)), endMs };
    }

    /** Older candles arrived: merged, and the range of volume to ask the socket for (null if none). */
    onOlderKlines(candles: readonly Candle[], requestedEndMs: number): TimeRangeMs | null
    {
        this.loadingOlder = false;
        const older = candles.filter((c) => c.time * 1000 < requestedEndMs);
        if (older.length === 0)
        {
            this.historyExhausted = true;
            return null;
        }
        this.candles.snapshot(older);
        const range = { start: Math.min(...older.map((c) => c.time)) * 1000, end: requestedEndMs };
        this.unansweredRanges.set(rangeKey(range), range);
        return range;
    }

    /** A failed older load may be tried again. */
    onOlderKlinesFailed(): void
    {
        this.loadingOlder = false;
    }

    /** Range requests sent but not answered, to send again after a reconnect. */
    get pendingRanges(): readonly TimeRangeMs[]
    {
        return [...this.unansweredRanges.values()];
    }
}

function rangeKey(range: TimeRangeMs): string
{
    return `${range.start}-${range.end}`;
}
