import { Backoff } from '../model/backoff';
import { extractGaps } from '../model/gaps';
import { MarketModel, type Change } from '../model/market-model';
import { readAll, readCandle, type Candle } from '../model/messages';
import type { ViewState } from '../model/url-state';
import { authHeaders, socketProtocols } from '../net/access-token';
import { ReconnectingSocket } from '../net/reconnecting-socket';
import type { ChartView } from '../ui/chart-view';
import type { LegendView } from '../ui/legend-view';
import type { StatusView } from '../ui/status-view';
import type { TableView } from '../ui/table-view';

export interface PageParts
{
    readonly chart: ChartView;
    readonly legend: LegendView;
    readonly table: TableView;
    readonly status: StatusView;
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
}

async function fetchJson(url: string, token: string | null): Promise<unknown>
{
    const response = await fetch(url, { headers: { Accept: 'application/json', ...authHeaders(token) } });
    if (!response.ok)
    {
        const message = `${response.status} ${response.statusText} for ${url}`;
        throw response.status >= 400 && response.status < 500 ? new RefusedRequest(message) : new Error(message);
    }
    return response.json();
}

/**
 * One view (symbol and timeframe) of the page: its two sockets (liquidations with volume, and candles),
 * its klines requests, and the drawing of what they bring. close() ends all of it before the next view starts.
 */
export class ViewSession
{
    readonly model: MarketModel;
    private readonly liquidations: ReconnectingSocket;
    private readonly klines: ReconnectingSocket;
    private readonly klinesRetry = new Backoff({ initialMs: 1000, maxMs: 30_000, healthyAfterMs: 0 });
    private closed = false;
    private drawScheduled = false;
    private hoverTimeSec: number | null = null;
    private gapsChanged = true;
    private klinesSocketOpenedBefore = false;
    private liquidationsSocketOpenedBefore = false;

    constructor(readonly view: ViewState, private readonly parts: PageParts, private readonly origins: Origins)
    {
        this.model = new MarketModel(view);
        const openSocket = (url: string): WebSocket => new WebSocket(url, socketProtocols(origins.token));
        const symbol = encodeURIComponent(view.symbol);
        const timeframe = encodeURIComponent(view.timeframe);
        this.liquidations = new ReconnectingSocket(`${origins.ws}/api/v1/ws/liquidations/${symbol}?timeframe=${timeframe}`, {
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
        this.parts.table.reset([]);
        this.parts.status.reset();
        this.parts.status.setGaps([]);
        this.liquidations.start();
        this.klines.start();
        void this.loadLatestKlines();
        void this.loadRecordedGaps();
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
    }

    hover(timeSec: number | null): void
    {
        this.hoverTimeSec = timeSec;
        this.renderLegend();
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
                }
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
        try
        {
            const candles: Candle[] = readAll(await fetchJson(this.klinesUrl(), this.origins.token), readCandle);
            if (!this.closed)
            {
                this.model.onLatestKlines(candles);
                this.scheduleDraw();
            }
        }
        catch (error)
        {
            if (!this.closed && !(error instanceof RefusedRequest))
            {
                setTimeout(() => void this.loadLatestKlines(), this.klinesRetry.nextDelayMs(Date.now()));
            }
        }
    }

    private async loadRecordedGaps(): Promise<void>
    {
        try
        {
            const gaps = extractGaps(await fetchJson(`${this.origins.http}/health`, this.origins.token));
            if (!this.closed && gaps.map((gap) => this.model.gaps.add(gap)).some(Boolean))
            {
                this.gapsChanged = true;
                this.scheduleDraw();
            }
        }
        catch
        {
            // Recorded gaps only shade the chart; live gap messages still arrive on the socket.
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
        }
        else if (change.addedOrders !== null && change.addedOrders.length > 0)
        {
            this.parts.table.prepend(change.addedOrders);
        }
        if (change.error !== null)
        {
            socket.noteError(`${change.error.code}: ${change.error.message}`);
        }
        if (change.gaps)
        {
            this.gapsChanged = true;
        }
        if (change.chart || change.gaps)
        {
            this.scheduleDraw();
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
        }
        if (this.gapsChanged || candleOp?.kind === 'set' || volumeOp?.kind === 'set')
        {
            this.gapsChanged = false;
            this.parts.status.setGaps(this.model.gaps.list);
            this.parts.chart.setGapTimes(this.model.gaps.shadedTimes(this.parts.chart.plottedVolumeTimes(), this.view.timeframe));
        }
        if (candleOp !== null || volumeOp !== null)
        {
            this.renderLegend();
        }
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
        );
    }
}
