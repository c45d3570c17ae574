import {
    CandlestickSeries,
    ColorType,
    createChart,
    CrosshairMode,
    HistogramSeries,
    type CandlestickData,
    type HistogramData,
    type IChartApi,
    type ISeriesApi,
    type LogicalRange,
    type Time,
    type UTCTimestamp,
} from 'lightweight-charts';
import { formatCompact } from '../model/decimal';
import { formatAxisLabel, formatLocalDateTime } from '../model/format';
import type { Candle, VolumeBucket } from '../model/messages';
import type { ChartOp } from '../model/series-store';
import { GapShading, shadedRuns } from './gap-shading';
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

function fractionDigits(text: string): number
{
    const dot = text.indexOf('.');
    return dot < 0 ? 0 : text.slice(dot + 1).replace(/0+$/, '').length;
}

/**
 * The lightweight-charts glue: candles on the right price scale, liquidation volume as two overlaid
 * histograms on their own scale under them (the total in the short colour with the long part drawn over
 * it, so each bar reads as longs at the bottom and shorts on top), and gaps shaded behind everything.
 */
export class ChartView
{
    readonly counters: DrawCounters = { candleSets: 0, candleUpdates: 0, volumeSets: 0, volumeUpdates: 0 };
    private readonly chart: IChartApi;
    private readonly gapShading: GapShading;
    private readonly candleSeries: ISeriesApi<'Candlestick'>;
    private readonly totalSeries: ISeriesApi<'Histogram'>;
    private readonly longSeries: ISeriesApi<'Histogram'>;
    private pricePrecision = -1;

    constructor(container: HTMLElement, palette: ChartPalette)
    {
        this.chart = createChart(container, {
            autoSize: true,
            layout: { attributionLogo: true, fontFamily: 'Inter, system-ui, sans-serif', fontSize: 11 },
            crosshair: { mode: CrosshairMode.Normal },
            rightPriceScale: { scaleMargins: { top: 0.06, bottom: 0.32 } },
            timeScale: {
                timeVisible: true,
                secondsVisible: false,
                rightOffset: 6,
                barSpacing: 7,
                tickMarkFormatter: (time: Time) => formatAxisLabel((time as number) * 1000),
            },
            localization: { timeFormatter: (time: Time) => formatLocalDateTime((time as number) * 1000) },
        });
        this.candleSeries = this.chart.addSeries(CandlestickSeries, { borderVisible: false, priceLineVisible: true });
        this.gapShading = new GapShading(palette.gap);
        this.candleSeries.attachPrimitive(this.gapShading);
        const volumeOptions = {
            priceScaleId: 'liquidations',
            priceLineVisible: false,
            lastValueVisible: false,
            priceFormat: { type: 'custom' as const, formatter: (value: number) => formatCompact(value.toFixed(2)), minMove: 0.01 },
        };
        this.totalSeries = this.chart.addSeries(HistogramSeries, { ...volumeOptions, title: '' });
        this.longSeries = this.chart.addSeries(HistogramSeries, { ...volumeOptions, title: '' });
        this.chart.priceScale('liquidations').applyOptions({ scaleMargins: { top: 0.74, bottom: 0 }, visible: false });
        this.setPalette(palette);
    }

    setPalette(palette: ChartPalette): void
    {
        this.chart.applyOptions({
            layout: { background: { type: ColorType.Solid, color: palette.background }, textColor: palette.text },
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
        this.gapShading.setColor(palette.gap);
    }

    /** Empties every series for a new view, and returns to the live edge. */
    clear(): void
    {
        for (const series of [this.candleSeries, this.totalSeries, this.longSeries])
        {
            series.setData([]);
        }
        this.gapShading.setRuns([]);
        this.pricePrecision = -1;
        this.chart.timeScale().applyOptions({ barSpacing: 7, rightOffset: 6 });
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
            this.totalSeries.setData(op.points.map((b) => ({ time: toTime(b.time), value: Number(b.total) })));
            this.longSeries.setData(op.points.map((b) => ({ time: toTime(b.time), value: Number(b.sell) })));
            return;
        }
        for (const { point, historical } of op.points)
        {
            this.counters.volumeUpdates++;
            this.totalSeries.update({ time: toTime(point.time), value: Number(point.total) }, historical);
            this.longSeries.update({ time: toTime(point.time), value: Number(point.sell) }, historical);
        }
    }

    /** Shades the bars at these times (epoch seconds), which must be among the plotted volume bars. */
    setGapTimes(timesSec: readonly number[]): void
    {
        this.gapShading.setRuns(shadedRuns(this.plottedVolumeTimes(), timesSec));
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
            bars: this.totalSeries.data().length,
            lastCandleTime: this.candleSeries.data().at(-1)?.time ?? null,
            firstCandleTime: this.candleSeries.data()[0]?.time ?? null,
            visibleLogicalRange: timeScale.getVisibleLogicalRange(),
            visibleTimeRange: visibleTime,
            barSpacing: timeScale.options().barSpacing,
            counters: { ...this.counters },
            gapRuns: this.gapShading.runCount,
        };
    }

    /** The histogram values plotted at a time: total and the long part. */
    plottedVolumeAt(timeSec: number): { total: number; longs: number } | null
    {
        const total = this.totalSeries.data().find((d) => d.time === timeSec) as HistogramData | undefined;
        const longs = this.longSeries.data().find((d) => d.time === timeSec) as HistogramData | undefined;
        return total === undefined || longs === undefined ? null : { total: total.value, longs: longs.value };
    }

    plottedCandleTimes(): number[]
    {
        return this.candleSeries.data().map((d) => d.time as number);
    }

    plottedVolumeTimes(): number[]
    {
        return this.totalSeries.data().map((d) => d.time as number);
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
