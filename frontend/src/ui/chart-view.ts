import {
    CandlestickSeries,
    ColorType,
    createChart,
    createSeriesMarkers,
    CrosshairMode,
    HistogramSeries,
    LineSeries,
    type ISeriesMarkersPluginApi,
    type SeriesMarker,
    type CandlestickData,
    type HistogramData,
    type WhitespaceData,
    type IChartApi,
    type ISeriesApi,
    type LogicalRange,
    type Time,
    type UTCTimestamp,
} from 'lightweight-charts';
import { formatAxisLabel, formatLocalDateTime, formatShort } from '../model/format';
import type { AlertMarker } from '../model/alert-events';
import type { LargeMarker } from '../model/large-markers';
import type { Candle, VolumeBucket } from '../model/messages';
import type { ChartOp } from '../model/series-store';
import { cumulativeDelta, deltaSeries, longShortRatio, movingAverage, NO_TRENDS, type TrendPoint, type TrendSettings } from '../model/trends';
import type { Heatmap } from '../model/heatmap';
import { venueStack } from '../model/venue-stack';
import type { Venue } from '../model/venues';
import { CoverageShading, type BarShade } from './coverage-shading';
import { HeatmapLayer } from './heatmap-layer';
import type { ChartPalette } from './theme';

/** Counts of what the chart was asked to do, read by the end-to-end tests. */
export interface DrawCounters
{
    candleSets: number;
    candleUpdates: number;
    volumeSets: number;
    volumeUpdates: number;
}

const LOAD_OLDER_WHEN_LEFT_BARS = 10;
const RIGHT_OFFSET_BARS = 6;
const VOLUME_PANE = 1;
/** The first pane below the volume: the delta views, then the long/short ratio. */
const TREND_PANE = 2;

/** The trend series on the chart, each present only while its view is on. */
interface TrendSeries
{
    delta?: ISeriesApi<'Histogram'>;
    cumulativeDelta?: ISeriesApi<'Line'>;
    average?: ISeriesApi<'Line'>;
    ratio?: ISeriesApi<'Line'>;
}

function toLine(points: readonly TrendPoint[]): { time: UTCTimestamp; value: number }[]
{
    return points.map((point) => ({ time: toTime(point.time), value: Number(point.value) }));
}

/** Where the visible range is: at the oldest loaded bar, and at the live edge. */
export interface Viewport
{
    readonly atOldest: boolean;
    readonly atLive: boolean;
}

/** An empty bar is whitespace: no zero-height line that could pass for a price level. */
function toBar(timeSec: number, value: string, color?: string): HistogramData | WhitespaceData
{
    const height = Number(value);
    if (height <= 0)
    {
        return { time: toTime(timeSec) };
    }
    return color === undefined ? { time: toTime(timeSec), value: height } : { time: toTime(timeSec), value: height, color };
}

/** The most venues a bar is stacked from; the total series draws the top segment, one series each below it. */
const STACKED_BELOW_TOP = 2;

/** A bucket's bars in the volume pane's series, back to front: the total, the long part, the venues below the top. */
interface VolumeBars
{
    readonly total: HistogramData | WhitespaceData;
    readonly longs: HistogramData | WhitespaceData;
    readonly below: readonly (HistogramData | WhitespaceData)[];
}

/** What the histogram was handed for a bar, for the end-to-end tests. */
export interface PlottedVolume
{
    readonly total: number;
    readonly longs: number;
    /** Each venue's segment where the bar is stacked by venue, else null. */
    readonly venues: Readonly<Partial<Record<Venue, number>>> | null;
}

function toTime(timeSec: number): UTCTimestamp
{
    return timeSec as UTCTimestamp;
}

function toCandlestick(candle: Candle): CandlestickData
{
    return {
        time: toTime(candle.time),
        open: Number(candle.open),
        high: Number(candle.high),
        low: Number(candle.low),
        close: Number(candle.close),
    };
}

function plotted(bucket: VolumeBucket, stackByVenue: boolean): PlottedVolume
{
    const stack = stackByVenue ? venueStack(bucket) : null;
    return {
        total: Number(bucket.total),
        longs: Number(bucket.sell),
        venues: stack === null ? null : Object.fromEntries(stack.map((segment) => [segment.venue, Number(segment.volume)])),
    };
}

function fractionDigits(text: string): number
{
    const dot = text.indexOf('.');
    return dot < 0 ? 0 : text.slice(dot + 1).replace(/0+$/, '').length;
}

/**
 * The lightweight-charts glue: candles with large-liquidation markers in the top pane, liquidation volume in
 * its own pane below with a labelled USD scale (two overlaid histograms: the total in the short colour with
 * the long part drawn over it, so each bar reads as longs at the bottom and shorts on top), and the unrecorded
 * part of every bar hatched in both panes.
 */
export class ChartView
{
    readonly counters: DrawCounters = { candleSets: 0, candleUpdates: 0, volumeSets: 0, volumeUpdates: 0 };
    private readonly chart: IChartApi;
    private readonly priceShading: CoverageShading;
    private readonly heatmap: HeatmapLayer;
    private readonly volumeShading: CoverageShading;
    private readonly candleSeries: ISeriesApi<'Candlestick'>;
    private readonly totalSeries: ISeriesApi<'Histogram'>;
    private readonly longSeries: ISeriesApi<'Histogram'>;
    /** Drawn over the total where a bar is stacked by venue: the sum of the venues below the top one, and so on. */
    private readonly venueSeries: readonly ISeriesApi<'Histogram'>[];
    private readonly markers: ISeriesMarkersPluginApi<Time>;
    private palette: ChartPalette;
    private largeMarkers: readonly LargeMarker[] = [];
    private alertMarkers: readonly AlertMarker[] = [];
    /** The buckets the histogram was handed per bar time, empty bars (whitespace, absent from data()) included. */
    private readonly plottedVolume = new Map<number, VolumeBucket>();
    private pricePrecision = -1;
    /** Whether bars asked for per venue are stacked by venue (more than one selected venue is enabled). */
    private stackByVenue = true;
    private trendSettings: TrendSettings = NO_TRENDS;
    private trendSeries: TrendSeries = {};
    /** The volume buckets in ascending time, as the trends are computed from them. */
    private trendBuckets: readonly VolumeBucket[] = [];
    /** The visible range the cumulative delta was last drawn for ('' after new data), so an idle range event is free. */
    private cumulativeDrawn = '';

    constructor(container: HTMLElement, palette: ChartPalette, private readonly reducedMotion: boolean)
    {
        this.palette = palette;
        this.chart = createChart(container, {
            autoSize: true,
            layout: {
                attributionLogo: true,
                fontFamily: 'Inter, system-ui, sans-serif',
                fontSize: 11,
                panes: { separatorColor: palette.border, enableResize: true },
            },
            crosshair: { mode: CrosshairMode.Normal },
            rightPriceScale: { scaleMargins: { top: 0.08, bottom: 0.06 } },
            kineticScroll: { mouse: false, touch: !reducedMotion },
            timeScale: {
                timeVisible: true,
                secondsVisible: false,
                rightOffset: RIGHT_OFFSET_BARS,
                barSpacing: 7,
                tickMarkFormatter: (time: Time) => formatAxisLabel((time as number) * 1000),
            },
            localization: { timeFormatter: (time: Time) => formatLocalDateTime((time as number) * 1000) },
        });
        this.candleSeries = this.chart.addSeries(CandlestickSeries, { borderVisible: false, priceLineVisible: true });
        this.heatmap = new HeatmapLayer(palette.heatmap);
        this.candleSeries.attachPrimitive(this.heatmap);
        this.priceShading = new CoverageShading(palette.unrecorded, palette.text);
        this.candleSeries.attachPrimitive(this.priceShading);
        this.markers = createSeriesMarkers(this.candleSeries, [], { autoScale: true });
        const volumeOptions = {
            priceLineVisible: false,
            lastValueVisible: false,
            priceFormat: { type: 'custom' as const, formatter: (value: number) => formatShort(value), minMove: 1 },
        };
        this.totalSeries = this.chart.addSeries(HistogramSeries, volumeOptions, VOLUME_PANE);
        this.longSeries = this.chart.addSeries(HistogramSeries, volumeOptions, VOLUME_PANE);
        this.venueSeries = Array.from({ length: STACKED_BELOW_TOP }, () => this.chart.addSeries(HistogramSeries, volumeOptions, VOLUME_PANE));
        this.volumeShading = new CoverageShading(palette.unrecorded, palette.text, 'Liquidations, USD');
        this.totalSeries.attachPrimitive(this.volumeShading);
        this.chart.priceScale('right', VOLUME_PANE).applyOptions({ scaleMargins: { top: 0.22, bottom: 0 } });
        const [pricePane, volumePane] = this.chart.panes();
        pricePane.setStretchFactor(3);
        volumePane.setStretchFactor(1);
        this.chart.timeScale().subscribeVisibleTimeRangeChange(() => this.drawCumulativeDelta());
        this.setPalette(palette);
    }

    setPalette(palette: ChartPalette): void
    {
        this.chart.applyOptions({
            layout: {
                background: { type: ColorType.Solid, color: palette.background },
                textColor: palette.text,
                panes: { separatorColor: palette.border },
            },
            grid: { vertLines: { color: palette.grid }, horzLines: { color: palette.grid } },
            rightPriceScale: { borderColor: palette.border },
            timeScale: { borderColor: palette.border },
            crosshair: { vertLine: { color: palette.crosshair }, horzLine: { color: palette.crosshair } },
        });
        this.candleSeries.applyOptions({
            upColor: palette.candleUp,
            downColor: palette.candleDown,
            wickUpColor: palette.candleUp,
            wickDownColor: palette.candleDown,
        });
        this.totalSeries.applyOptions({ color: palette.shorts });
        this.longSeries.applyOptions({ color: palette.longs });
        this.priceShading.setColors(palette.unrecorded, palette.text);
        this.heatmap.setColor(palette.heatmap);
        this.volumeShading.setColors(palette.unrecorded, palette.text);
        this.palette = palette;
        this.redrawVenueBars();
        this.setMarkers(this.largeMarkers);
        this.trendSeries.cumulativeDelta?.applyOptions({ color: palette.trend });
        this.trendSeries.average?.applyOptions({ color: palette.text });
        this.trendSeries.ratio?.applyOptions({ color: palette.trend });
        this.drawTrends();
    }

    /** Turns trend views on and off; each has its series while on (delta and ratio in panes of their own). */
    setTrends(settings: TrendSettings): void
    {
        const { delta, cumulativeDelta: cumulative, average, ratio } = this.trendSeries;
        for (const series of [delta, cumulative, average, ratio])
        {
            if (series !== undefined)
            {
                this.chart.removeSeries(series);
            }
        }
        while (this.chart.panes().length > TREND_PANE)
        {
            this.chart.removePane(this.chart.panes().length - 1);
        }
        this.trendSeries = {};
        this.cumulativeDrawn = '';
        this.trendSettings = settings;
        const options = { priceLineVisible: false, lastValueVisible: true, lineWidth: 1 as const };
        const usdFormat = { type: 'custom' as const, formatter: (value: number) => formatShort(value), minMove: 0.01 };
        if (settings.average)
        {
            this.trendSeries.average = this.chart.addSeries(LineSeries,
                { ...options, color: this.palette.text, priceFormat: usdFormat, title: `MA ${settings.averageBars}` },
                VOLUME_PANE);
        }
        let pane = TREND_PANE;
        if (settings.delta || settings.cumulativeDelta)
        {
            if (settings.delta)
            {
                this.trendSeries.delta = this.chart.addSeries(HistogramSeries,
                    { priceLineVisible: false, lastValueVisible: false, priceFormat: usdFormat, title: 'Δ' }, pane);
            }
            if (settings.cumulativeDelta)
            {
                this.trendSeries.cumulativeDelta = this.chart.addSeries(LineSeries,
                    { ...options, color: this.palette.trend, priceFormat: usdFormat, priceScaleId: 'left', title: 'ΣΔ' },
                    pane);
                this.chart.priceScale('left', pane).applyOptions({ visible: true, borderColor: this.palette.border });
            }
            pane++;
        }
        if (settings.ratio)
        {
            this.trendSeries.ratio = this.chart.addSeries(LineSeries, {
                ...options, color: this.palette.trend, title: 'L/S',
                priceFormat: { type: 'price', precision: 2, minMove: 0.0001 },
            }, pane);
        }
        this.drawTrends();
    }

    /** Whether any trend view is on (and so wants the buckets). */
    hasTrends(): boolean
    {
        return Object.keys(this.trendSeries).length > 0;
    }

    /** The exact buckets the trends are computed from, in ascending time. */
    setTrendBuckets(buckets: readonly VolumeBucket[]): void
    {
        this.trendBuckets = buckets;
        this.drawTrends();
    }

    private drawTrends(): void
    {
        const buckets = this.trendBuckets;
        const { delta, average, ratio } = this.trendSeries;
        delta?.setData(deltaSeries(buckets).map((point) => ({
            time: toTime(point.time),
            value: Number(point.value),
            color: point.value.startsWith('-') ? this.palette.longs : this.palette.shorts,
        })));
        average?.setData(toLine(movingAverage(buckets, this.trendSettings.averageBars)));
        ratio?.setData(toLine(longShortRatio(buckets)));
        this.cumulativeDrawn = '';
        this.drawCumulativeDelta();
    }

    /** The cumulative delta starts again at the left edge of what is visible. */
    private drawCumulativeDelta(): void
    {
        const series = this.trendSeries.cumulativeDelta;
        if (series === undefined)
        {
            return;
        }
        const visible = this.chart.timeScale().getVisibleRange();
        const fromTime = visible === null ? Number.NEGATIVE_INFINITY : (visible.from as number);
        const toTime = visible === null ? Number.POSITIVE_INFINITY : (visible.to as number);
        const key = `${fromTime}:${toTime}`;
        if (key === this.cumulativeDrawn)
        {
            return;
        }
        this.cumulativeDrawn = key;
        series.setData(toLine(cumulativeDelta(this.trendBuckets, fromTime, toTime)));
    }

    /** Empties every series for a new view, and returns to the live edge. */
    clear(): void
    {
        for (const series of [this.candleSeries, this.totalSeries, this.longSeries, ...this.venueSeries])
        {
            series.setData([]);
        }
        this.plottedVolume.clear();
        this.trendBuckets = [];
        this.drawTrends();
        this.priceShading.setShades([]);
        this.volumeShading.setShades([]);
        this.heatmap.setHeatmap(null);
        this.setMarkers([]);
        this.pricePrecision = -1;
        this.chart.timeScale().applyOptions({ barSpacing: 7, rightOffset: RIGHT_OFFSET_BARS });
    }

    applyCandles(op: ChartOp<Candle>): void
    {
        if (op.kind === 'set')
        {
            this.adoptPricePrecision(op.points);
            this.counters.candleSets++;
            this.candleSeries.setData(op.points.map(toCandlestick));
            return;
        }
        for (const { point, historical } of op.points)
        {
            this.counters.candleUpdates++;
            this.candleSeries.update(toCandlestick(point), historical);
        }
    }

    applyVolume(op: ChartOp<VolumeBucket>): void
    {
        if (op.kind === 'set')
        {
            this.counters.volumeSets++;
            this.plottedVolume.clear();
            op.points.forEach((b) => this.plottedVolume.set(b.time, b));
            this.setVolumeData(op.points);
            return;
        }
        for (const { point, historical } of op.points)
        {
            this.counters.volumeUpdates++;
            this.plottedVolume.set(point.time, point);
            const bars = this.volumeBars(point);
            this.totalSeries.update(bars.total, historical);
            this.longSeries.update(bars.longs, historical);
            this.venueSeries.forEach((series, index) => series.update(bars.below[index], historical));
        }
    }

    /** Stacks the bars asked for per venue by venue, or draws them by side (one venue of the selection is enabled). */
    setVenueStacking(on: boolean): void
    {
        if (on !== this.stackByVenue)
        {
            this.stackByVenue = on;
            this.redrawVenueBars();
        }
    }

    /** Bars stacked by venue carry their colours and their way of drawing: they are drawn again after a change. */
    private redrawVenueBars(): void
    {
        if ([...this.plottedVolume.values()].some((bucket) => bucket.venues !== null))
        {
            this.setVolumeData([...this.plottedVolume.values()].sort((a, b) => a.time - b.time));
        }
    }

    private setVolumeData(buckets: readonly VolumeBucket[]): void
    {
        const bars = buckets.map((b) => this.volumeBars(b));
        this.totalSeries.setData(bars.map((bar) => bar.total));
        this.longSeries.setData(bars.map((bar) => bar.longs));
        this.venueSeries.forEach((series, index) => series.setData(bars.map((bar) => bar.below[index])));
    }

    /**
     * A bucket asked for per venue is stacked by venue, bottom up in the order of VENUES, each segment in its venue's
     * colour: the total draws the top segment and each series over it the sum of the venues below. Otherwise the
     * total in the short colour with the long part over it, as before.
     */
    private volumeBars(bucket: VolumeBucket): VolumeBars
    {
        const stack = this.stackByVenue ? venueStack(bucket) : null;
        const none = { time: toTime(bucket.time) };
        if (stack === null)
        {
            return { total: toBar(bucket.time, bucket.total), longs: toBar(bucket.time, bucket.sell), below: this.venueSeries.map(() => none) };
        }
        const top = stack.at(-1);
        const below = this.venueSeries.map((_, index) =>
        {
            const segment = stack.at(-2 - index);
            return segment === undefined ? none : toBar(bucket.time, segment.top, this.palette.venues[segment.venue]);
        });
        const total = top === undefined ? none : toBar(bucket.time, bucket.total, this.palette.venues[top.venue]);
        return { total, longs: none, below };
    }

    /** Hatches the unrecorded part of these bars in both panes. */
    setCoverage(shades: readonly BarShade[]): void
    {
        this.priceShading.setShades(shades);
        this.volumeShading.setShades(shades);
    }

    /** The realized liquidation heatmap behind the candles; null hides it. */
    setHeatmap(heatmap: Heatmap | null): void
    {
        this.heatmap.setHeatmap(heatmap);
    }

    /** Large liquidations on the price chart, sized by their notional. */
    setMarkers(markers: readonly LargeMarker[]): void
    {
        this.largeMarkers = markers;
        this.drawMarkers();
    }

    /** Fired alerts of the symbol in view, an arrow above their bar. */
    setAlertMarkers(markers: readonly AlertMarker[]): void
    {
        this.alertMarkers = markers;
        this.drawMarkers();
    }

    /** Both kinds in one list in time order, as the plugin needs it. */
    private drawMarkers(): void
    {
        const large: SeriesMarker<Time>[] = this.largeMarkers.map((marker) => ({
            time: toTime(marker.timeSec),
            position: marker.position,
            shape: 'circle',
            color: marker.side === 'short' ? this.palette.shorts : this.palette.longs,
            size: marker.size,
        }));
        const alerts: SeriesMarker<Time>[] = this.alertMarkers.map((marker) => ({
            time: toTime(marker.timeSec),
            position: 'aboveBar',
            shape: 'arrowDown',
            color: this.palette.alert,
            text: marker.label,
            size: 1.5,
        }));
        this.markers.setMarkers([...large, ...alerts].sort((a, b) => (a.time as number) - (b.time as number)));
    }

    /** Back to the newest bar. */
    scrollToLive(): void
    {
        this.chart.timeScale().scrollToPosition(RIGHT_OFFSET_BARS, !this.reducedMotion);
    }

    /** Calls back whenever the visible range moves, with whether it shows the oldest bar and the live edge. */
    onViewport(callback: (viewport: Viewport) => void): void
    {
        const timeScale = this.chart.timeScale();
        timeScale.subscribeVisibleLogicalRangeChange((range: LogicalRange | null) =>
        {
            const bars = this.candleSeries.data().length;
            callback({
                atOldest: range !== null && bars > 0 && range.from <= 0,
                atLive: range === null || bars === 0 || timeScale.scrollPosition() > -1,
            });
        });
    }

    /** Calls back when the user scrolled or zoomed close to the oldest loaded bar. */
    onNearOldestBar(callback: () => void): void
    {
        this.chart.timeScale().subscribeVisibleLogicalRangeChange((range: LogicalRange | null) =>
        {
            if (range !== null && range.from < LOAD_OLDER_WHEN_LEFT_BARS && this.candleSeries.data().length > 0)
            {
                callback();
            }
        });
    }

    /** Calls back with the hovered bar's time in seconds, or null when the crosshair left the chart. */
    onHover(callback: (timeSec: number | null) => void): void
    {
        this.chart.subscribeCrosshairMove((param) => callback(param.time === undefined ? null : (param.time as number)));
    }

    /** The plotted values, as the chart holds them, for diagnostics and the end-to-end tests. */
    inspect(): Record<string, unknown>
    {
        const timeScale = this.chart.timeScale();
        const visibleTime = timeScale.getVisibleRange();
        return {
            candles: this.candleSeries.data().length,
            bars: this.plottedVolume.size,
            zeroBars: this.totalSeries.data().filter((d) => (d as Partial<HistogramData>).value === 0).length,
            lastCandleTime: this.candleSeries.data().at(-1)?.time ?? null,
            firstCandleTime: this.candleSeries.data()[0]?.time ?? null,
            visibleLogicalRange: timeScale.getVisibleLogicalRange(),
            visibleTimeRange: visibleTime,
            barSpacing: timeScale.options().barSpacing,
            counters: { ...this.counters },
            shadedBars: this.priceShading.shadedBars,
            markers: this.markers.markers().length,
            alertMarkerTimes: this.alertMarkers.map((marker) => marker.timeSec),
            panes: this.chart.panes().length,
            trends: {
                delta: this.trendSeries.delta?.data().length ?? null,
                cumulativeDelta: this.trendSeries.cumulativeDelta?.data().length ?? null,
                average: this.trendSeries.average?.data().length ?? null,
                ratio: this.trendSeries.ratio?.data().length ?? null,
            },
            heatmapCells: this.heatmap.cells,
            heatmapDrawnCells: this.heatmap.drawnCells,
        };
    }

    /** The histogram values plotted at a time: total, the long part and the venues' segments (0 for an empty bar). */
    plottedVolumeAt(timeSec: number): PlottedVolume | null
    {
        const bucket = this.plottedVolume.get(timeSec);
        return bucket === undefined ? null : plotted(bucket, this.stackByVenue);
    }

    /** The hatched (unrecorded) shares of the bar at timeSec, as drawn in both panes. */
    shadeAt(timeSec: number): readonly (readonly [number, number])[]
    {
        return this.priceShading.shadeAt(timeSec);
    }

    plottedCandleTimes(): number[]
    {
        return this.candleSeries.data().map((d) => d.time as number);
    }

    plottedVolumeTimes(): number[]
    {
        return [...this.plottedVolume.keys()].sort((a, b) => a - b);
    }

    private adoptPricePrecision(candles: readonly Candle[]): void
    {
        let precision = 0;
        for (const candle of candles.slice(-50))
        {
            precision = Math.max(precision, fractionDigits(candle.open), fractionDigits(candle.close), fractionDigits(candle.high));
        }
        precision = Math.min(Math.max(precision, 1), 8);
        if (precision !== this.pricePrecision && candles.length > 0)
        {
            this.pricePrecision = precision;
            this.candleSeries.applyOptions({ priceFormat: { type: 'price', precision, minMove: 10 ** -precision } });
        }
    }
}
