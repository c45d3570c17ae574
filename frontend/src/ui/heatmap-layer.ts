import type {
    IChartApi,
    IPrimitivePaneRenderer,
    IPrimitivePaneView,
    ISeriesApi,
    ISeriesPrimitive,
    PrimitivePaneViewZOrder,
    SeriesAttachedParameter,
    SeriesType,
    Time,
    UTCTimestamp,
} from 'lightweight-charts';
import { heatmapIntensity, type Heatmap } from '../model/heatmap';

type RenderTarget = Parameters<IPrimitivePaneRenderer['draw']>[0];

/** A cell in media pixels, with its opacity. */
interface CellRect
{
    readonly left: number;
    readonly top: number;
    readonly width: number;
    readonly height: number;
    readonly alpha: number;
}

const MAX_ALPHA = 0.75;
const MIN_ALPHA = 0.08;

class HeatmapRenderer implements IPrimitivePaneRenderer
{
    constructor(private readonly rects: readonly CellRect[], private readonly rgb: string)
    {
    }

    draw(target: RenderTarget): void
    {
        target.useBitmapCoordinateSpace(({ context, horizontalPixelRatio: h, verticalPixelRatio: v }) =>
        {
            for (const rect of this.rects)
            {
                context.fillStyle = `rgba(${this.rgb}, ${rect.alpha})`;
                const x = Math.round(rect.left * h);
                const y = Math.round(rect.top * v);
                context.fillRect(x, y, Math.max(1, Math.round((rect.left + rect.width) * h) - x),
                    Math.max(1, Math.round((rect.top + rect.height) * v) - y));
            }
        });
    }
}

/**
 * The realized liquidation heatmap (docs/API.md §4.13) behind the candles: each cell a rectangle over its bar's
 * width and its bin's prices, more opaque the more was liquidated there. Drawn below the series, on its price scale.
 */
export class HeatmapLayer implements ISeriesPrimitive<Time>
{
    private chart: IChartApi | null = null;
    private series: ISeriesApi<SeriesType> | null = null;
    private requestUpdate: (() => void) | null = null;
    private heatmap: Heatmap | null = null;
    private rects: CellRect[] = [];
    private readonly view: IPrimitivePaneView;

    constructor(private rgb: string)
    {
        this.view = {
            zOrder: (): PrimitivePaneViewZOrder => 'bottom',
            renderer: () => new HeatmapRenderer(this.rects, this.rgb),
        };
    }

    attached(param: SeriesAttachedParameter<Time>): void
    {
        this.chart = param.chart;
        this.series = param.series;
        this.requestUpdate = param.requestUpdate;
    }

    detached(): void
    {
        this.chart = null;
        this.series = null;
        this.requestUpdate = null;
    }

    /** The cells to draw; null hides the layer. */
    setHeatmap(heatmap: Heatmap | null): void
    {
        this.heatmap = heatmap;
        this.requestUpdate?.();
    }

    setColor(rgb: string): void
    {
        this.rgb = rgb;
        this.requestUpdate?.();
    }

    /** How many cells are drawn now (on screen), for the end-to-end tests. */
    get drawnCells(): number
    {
        return this.rects.length;
    }

    get cells(): number
    {
        return this.heatmap?.cells.length ?? 0;
    }

    updateAllViews(): void
    {
        this.rects = [];
        const timeScale = this.chart?.timeScale();
        const series = this.series;
        const heatmap = this.heatmap;
        if (timeScale === undefined || series === null || heatmap === null)
        {
            return;
        }
        const spacing = timeScale.options().barSpacing;
        for (const cell of heatmap.cells)
        {
            const center = timeScale.timeToCoordinate(cell.timeSec as UTCTimestamp);
            const top = series.priceToCoordinate(cell.high);
            const bottom = series.priceToCoordinate(cell.low);
            if (center === null || top === null || bottom === null)
            {
                continue;
            }
            const intensity = heatmapIntensity(cell.total, heatmap.maxTotal);
            this.rects.push({
                left: center - spacing / 2,
                top,
                width: spacing,
                height: Math.max(1, bottom - top),
                alpha: MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * intensity,
            });
        }
    }

    paneViews(): readonly IPrimitivePaneView[]
    {
        return [this.view];
    }
}
