import { Backoff } from '../model/backoff';
import { barCoverage, type BarCoverage } from '../model/coverage';
import { readGapsAnswer } from '../model/gaps';
import { HEATMAP_BINS, heatmapRangeMs, readHeatmap } from '../model/heatmap';
import { largeMarkers } from '../model/large-markers';
import { isLarge, positionLabel } from '../model/liquidation-feed';
import { MarketModel, type Change } from '../model/market-model';
import { readAll, readCandle, type Candle, type LiquidationOrder } from '../model/messages';
import { bucketsBeforeMs } from '../model/timeframes';
import type { ViewState } from '../model/url-state';
import { liquidationsStreamUrl, withExchange } from '../model/venues';
import { authHeaders, socketProtocols } from '../net/access-token';
import { ReconnectingSocket } from '../net/reconnecting-socket';
import type { ChartNotices } from '../ui/chart-notices';
import type { ChartView, Viewport } from '../ui/chart-view';
import type { BarShade } from '../ui/coverage-shading';
import type { LegendView } from '../ui/legend-view';
import type { AlertSound } from '../ui/sound';
import type { StatusView } from '../ui/status-view';
import type { TableView } from '../ui/table-view';

export interface PageParts
{
    readonly chart: ChartView;
    readonly legend: LegendView;
    readonly table: TableView;
    readonly status: StatusView;
    readonly notices: ChartNotices;
    readonly sound: AlertSound;
    /** The current symbol's highlight threshold in USDT. */
    readonly thresholdUsdt: () => string;
    /** Whether the realized heatmap is switched on. */
    readonly heatmapOn: () => boolean;
}

export interface Origins
{
    /** e.g. "http://127.0.0.1:8000" */
    readonly http: string;
    /** e.g. "ws://127.0.0.1:8000" */
    readonly ws: string;
    /** The API token, or null when the gateway needs none (src/net/access-token.ts). */
    readonly token: string | null;
}

/** A request the server refused (4xx): asking again cannot help. */
class RefusedRequest extends Error
{
    constructor(message: string, readonly status: number, readonly code: string)
    {
        super(message);
    }
}

/** The code of an HTTP error answer, {"error":{"code","message"}} (docs/API.md §6). */
function errorCode(body: unknown): string
{
    const error = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).error : null;
    const code = typeof error === 'object' && error !== null ? (error as Record<string, unknown>).code : null;
    return typeof code === 'string' ? code : '';
}

async function fetchJson(url: string, token: string | null): Promise<unknown>
{
    const response = await fetch(url, { headers: { Accept: 'application/json', ...authHeaders(token) } });
    if (!response.ok)
    {
        const message = `${response.status} ${response.statusText} for ${url}`;
        if (response.status >= 400 && response.status < 500)
        {
            throw new RefusedRequest(message, response.status, errorCode(await response.json().catch(() => null)));
        }
        throw new Error(message);
    }
    return response.json();
}

/** Retries of the klines endpoint, capped like the sockets'. */
const KLINES_RETRY = { initialMs: 1000, maxMs: 5000, healthyAfterMs: 0 };
/** While the heatmap is on it is read again this often, so new liquidations show in it. */
const HEATMAP_REFRESH_MS = 30_000;

/**
 * One view (symbol and timeframe) of the page: its two sockets (liquidations with volume, and candles),
 * its klines and gaps requests, and the drawing of what they bring. close() ends all of it before the next
 * view starts.
 */
export class ViewSession
{
    readonly model: MarketModel;
    private readonly liquidations: ReconnectingSocket;
    private readonly klines: ReconnectingSocket;
    private readonly klinesRetry = new Backoff(KLINES_RETRY);
    private klinesRetryTimer: ReturnType<typeof setTimeout> | null = null;
    private heatmapTimer: ReturnType<typeof setTimeout> | null = null;
    private closed = false;
    private drawScheduled = false;
    private hoverTimeSec: number | null = null;
    private gapsChanged = true;
    private markersChanged = true;
    private viewport: Viewport = { atOldest: false, atLive: true };
    private klinesSocketOpenedBefore = false;
    private liquidationsSocketOpenedBefore = false;

    constructor(readonly view: ViewState, private readonly parts: PageParts, private readonly origins: Origins)
    {
        this.model = new MarketModel(view);
        const openSocket = (url: string): WebSocket => new WebSocket(url, socketProtocols(origins.token));
        const symbol = encodeURIComponent(view.symbol);
        const timeframe = encodeURIComponent(view.timeframe);
        this.liquidations = new ReconnectingSocket(liquidationsStreamUrl(origins.ws, view.symbol, view.timeframe, view.venues), {
            onOpen: () => this.onLiquidationsOpen(),
            onMessage: (text) => this.onChange(this.model.onLiquidationMessage(text), this.liquidations),
            onState: (state) => this.parts.status.setState('liquidations', state),
        }, new Backoff(), openSocket);
        this.klines = new ReconnectingSocket(`${origins.ws}/api/v1/ws/klines/${symbol}?timeframe=${timeframe}`, {
            onOpen: () => this.onKlinesOpen(),
            onMessage: (text) => this.onChange(this.model.onKlineMessage(text), this.klines),
            onState: (state) => this.parts.status.setState('klines', state),
        }, new Backoff(), openSocket);
    }

    start(): void
    {
        this.parts.chart.clear();
        this.parts.notices.reset();
        this.parts.table.reset([]);
        this.parts.status.reset();
        this.parts.status.setGaps([]);
        this.parts.status.setRecordingSince(null);
        this.liquidations.start();
        this.klines.start();
        void this.loadLatestKlines();
        void this.loadGaps();
        this.renderLegend();
    }

    /** The chart is laid out and can draw: everything buffered so far is drawn now. */
    chartReady(): void
    {
        this.model.candles.markReady();
        this.model.volume.markReady();
        this.scheduleDraw();
    }

    close(): void
    {
        this.closed = true;
        this.liquidations.close();
        this.klines.close();
        if (this.klinesRetryTimer !== null)
        {
            clearTimeout(this.klinesRetryTimer);
        }
        this.stopHeatmapRefresh();
    }

    /** The heatmap was switched on or off: read it now, or hide it. */
    heatmapToggled(): void
    {
        if (this.parts.heatmapOn())
        {
            void this.loadHeatmap();
            return;
        }
        this.stopHeatmapRefresh();
        this.parts.chart.setHeatmap(null);
    }

    /** The realized heatmap over the loaded bars (docs/API.md §4.13), read again every HEATMAP_REFRESH_MS. */
    private async loadHeatmap(): Promise<void>
    {
        this.stopHeatmapRefresh();
        const first = this.model.candles.firstTime();
        const { startMs, endMs } = heatmapRangeMs(first, Date.now(), this.view.timeframe, HEATMAP_BINS);
        const url = withExchange(`${this.origins.http}/api/v1/heatmap/${encodeURIComponent(this.view.symbol)}/`
            + `${encodeURIComponent(this.view.timeframe)}?start=${startMs}&end=${endMs}&bins=${HEATMAP_BINS}`, this.view.venues);
        const json = await fetchJson(url, this.origins.token).catch(() => null);
        if (this.closed || !this.parts.heatmapOn())
        {
            return;
        }
        if (json !== null)
        {
            this.parts.chart.setHeatmap(readHeatmap(json));
        }
        this.heatmapTimer = setTimeout(() => void this.loadHeatmap(), HEATMAP_REFRESH_MS);
    }

    private stopHeatmapRefresh(): void
    {
        if (this.heatmapTimer !== null)
        {
            clearTimeout(this.heatmapTimer);
            this.heatmapTimer = null;
        }
    }

    /** The user asked not to wait for the next try. */
    retryNow(): void
    {
        this.liquidations.retryNow();
        this.klines.retryNow();
        if (this.klinesRetryTimer !== null)
        {
            clearTimeout(this.klinesRetryTimer);
            this.klinesRetryTimer = null;
            void this.loadLatestKlines();
        }
    }

    hover(timeSec: number | null): void
    {
        this.hoverTimeSec = timeSec;
        this.renderLegend();
    }

    onViewport(viewport: Viewport): void
    {
        this.viewport = viewport;
        this.parts.notices.setOldest(viewport.atOldest && this.model.noOlderData);
        this.parts.notices.setAwayFromLive(!viewport.atLive);
    }

    /** The threshold changed: the markers follow it. */
    thresholdChanged(): void
    {
        this.markersChanged = true;
        this.scheduleDraw();
    }

    /** The user reached the oldest loaded candle: load the page before it, and its volume. */
    loadOlder(): void
    {
        const plan = this.model.beginOlderLoad();
        if (plan === null)
        {
            return;
        }
        const url = `${this.klinesUrl()}?start=${plan.startMs}&end=${plan.endMs}&limit=500`;
        fetchJson(url, this.origins.token).then(
            (json) =>
            {
                if (this.closed)
                {
                    return;
                }
                const range = this.model.onOlderKlines(readAll(json, readCandle), plan.endMs);
                if (range !== null)
                {
                    this.liquidations.send({ type: 'range', start: range.start, end: range.end });
                    void this.loadGaps();
                }
                this.onViewport(this.viewport);
                this.scheduleDraw();
            },
            () => this.model.onOlderKlinesFailed(),
        );
    }

    private klinesUrl(): string
    {
        return `${this.origins.http}/api/v1/klines/${encodeURIComponent(this.view.symbol)}/${encodeURIComponent(this.view.timeframe)}`;
    }

    private async loadLatestKlines(): Promise<void>
    {
        this.klinesRetryTimer = null;
        try
        {
            const candles: Candle[] = readAll(await fetchJson(this.klinesUrl(), this.origins.token), readCandle);
            if (!this.closed)
            {
                this.model.onLatestKlines(candles);
                this.scheduleDraw();
                if (this.parts.heatmapOn())
                {
                    void this.loadHeatmap();
                }
            }
        }
        catch (error)
        {
            if (this.closed)
            {
                return;
            }
            if (error instanceof RefusedRequest)
            {
                this.showRefusal(error.code, error.status);
            }
            else
            {
                this.klinesRetryTimer = setTimeout(() => void this.loadLatestKlines(), this.klinesRetry.nextDelayMs(Date.now()));
            }
        }
    }

    /**
     * Recorded gaps and the start of recording over the loaded history, from the gaps endpoint, or /health
     * where the server has none. Read at the start, after every reconnect and on every live gap message.
     */
    private async loadGaps(): Promise<void>
    {
        const nowMs = Date.now();
        const first = this.model.candles.firstTime();
        const startMs = first === null ? bucketsBeforeMs(nowMs, this.view.timeframe, 500) : first * 1000;
        let json: unknown;
        try
        {
            json = await fetchJson(withExchange(`${this.origins.http}/api/v1/gaps?start=${startMs}&end=${nowMs}`, this.view.venues), this.origins.token);
        }
        catch
        {
            json = await fetchJson(`${this.origins.http}/health`, this.origins.token).catch(() => null);
        }
        if (!this.closed && json !== null && this.model.onGapsAnswer(readGapsAnswer(json)))
        {
            this.gapsChanged = true;
            this.scheduleDraw();
        }
    }

    private showRefusal(code: string, status: number): void
    {
        if (code === 'unknown_symbol' || status === 404)
        {
            this.parts.notices.showMessage(`No market “${this.view.symbol}”`, 'The exchange does not list this symbol. Search for another one above.');
        }
        else if (code === 'invalid_timeframe')
        {
            this.parts.notices.showMessage(`No timeframe “${this.view.timeframe}”`, 'Pick one of the timeframes above.');
        }
    }

    private onLiquidationsOpen(): void
    {
        if (this.liquidationsSocketOpenedBefore)
        {
            for (const range of this.model.pendingRanges)
            {
                this.liquidations.send({ type: 'range', start: range.start, end: range.end });
            }
            // The server may have been down meanwhile: that downtime is a gap now.
            void this.loadGaps();
        }
        this.liquidationsSocketOpenedBefore = true;
    }

    private onKlinesOpen(): void
    {
        if (this.klinesSocketOpenedBefore)
        {
            // Candles closed while the socket was down come from the klines endpoint.
            void this.loadLatestKlines();
        }
        this.klinesSocketOpenedBefore = true;
    }

    private onChange(change: Change, socket: ReconnectingSocket): void
    {
        if (change.tableReset)
        {
            this.parts.table.reset(this.model.feed.rows);
            this.markersChanged = true;
        }
        else if (change.addedOrders !== null && change.addedOrders.length > 0)
        {
            this.parts.table.update(this.model.feed.rows, change.addedOrders.length);
            this.markersChanged = true;
            this.alert(change.addedOrders);
        }
        if (change.error !== null)
        {
            socket.noteError(change.error.code, change.error.message);
            this.showRefusal(change.error.code, 0);
        }
        if (change.gaps)
        {
            this.gapsChanged = true;
            void this.loadGaps();
        }
        if (change.chart || change.gaps || this.markersChanged)
        {
            this.scheduleDraw();
        }
    }

    /** One tone for a burst that holds a large liquidation (if the sound is on). */
    private alert(orders: readonly LiquidationOrder[]): void
    {
        const threshold = this.parts.thresholdUsdt();
        const large = orders.find((order) => isLarge(order, threshold));
        if (large !== undefined)
        {
            this.parts.sound.play(positionLabel(large));
        }
    }

    /** Draws at most once per frame, so a burst of live messages becomes one update per changed bar. */
    private scheduleDraw(): void
    {
        if (this.drawScheduled || this.closed)
        {
            return;
        }
        this.drawScheduled = true;
        requestAnimationFrame(() =>
        {
            this.drawScheduled = false;
            if (!this.closed)
            {
                this.draw();
            }
        });
    }

    private draw(): void
    {
        const candleOp = this.model.candles.takeOp();
        if (candleOp !== null)
        {
            this.parts.chart.applyCandles(candleOp);
        }
        const volumeOp = this.model.volume.takeOp();
        if (volumeOp !== null)
        {
            this.parts.chart.applyVolume(volumeOp);
            this.drawTrends();
        }
        if (this.gapsChanged || candleOp !== null || volumeOp !== null)
        {
            this.gapsChanged = false;
            this.parts.status.setGaps(this.model.gaps.notable);
            this.parts.table.setGaps(this.model.gaps.notable);
            this.parts.status.setRecordingSince(this.model.recordingSinceMs);
            this.parts.chart.setCoverage(this.shades());
        }
        if (this.markersChanged && this.model.candles.isReady)
        {
            this.markersChanged = false;
            this.parts.chart.setMarkers(largeMarkers(this.model.recent.rows, this.parts.thresholdUsdt(), this.view.timeframe));
        }
        this.renderLegend();
    }

    /** The trend views were switched: draw them from the buckets held, and the legend's ratio. */
    trendsChanged(): void
    {
        this.drawTrends();
        this.renderLegend();
    }

    private drawTrends(): void
    {
        if (this.parts.chart.hasTrends())
        {
            this.parts.chart.setTrendBuckets(this.model.volume.sorted());
        }
    }

    private coverageAt(timeSec: number, nowMs: number): BarCoverage
    {
        const context = this.model.coverageContext(nowMs);
        return barCoverage(timeSec, this.view.timeframe, this.model.volume.get(timeSec)?.coverage ?? null, context);
    }

    /** The unrecorded part of every plotted bar. */
    private shades(): BarShade[]
    {
        const nowMs = Date.now();
        const times = new Set([...this.parts.chart.plottedCandleTimes(), ...this.parts.chart.plottedVolumeTimes()]);
        const shades: BarShade[] = [];
        for (const timeSec of times)
        {
            const coverage = this.coverageAt(timeSec, nowMs);
            if (coverage.uncovered.length > 0)
            {
                shades.push({ timeSec, uncovered: coverage.uncovered });
            }
        }
        return shades;
    }

    private renderLegend(): void
    {
        const candles = this.model.candles;
        const time = this.hoverTimeSec ?? candles.lastTime();
        this.parts.legend.render(
            this.view,
            time,
            time === null ? undefined : candles.get(time),
            time === null ? undefined : this.model.volume.get(time),
            time === null ? { fraction: null, uncovered: [] } : this.coverageAt(time, Date.now()),
        );
    }
}
