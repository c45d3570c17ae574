import type {
    IChartApi,
    IPrimitivePaneRenderer,
    IPrimitivePaneView,
    ISeriesPrimitive,
    PrimitivePaneViewZOrder,
    SeriesAttachedParameter,
    Time,
    UTCTimestamp,
} from 'lightweight-charts';

type RenderTarget = Parameters<IPrimitivePaneRenderer['draw']>[0];

/** A bar's unrecorded time, as shares (0..1) of its bucket's length. */
export interface BarShade
{
    readonly timeSec: number;
    readonly uncovered: readonly (readonly [number, number])[];
}

/** Narrower than this (CSS px) an unrecorded span is not drawn: a sub-second gap in a week would be noise. */
const MIN_SPAN_PX = 0.5;
const HATCH_STEP_PX = 6;

/** The pixel spans [left, right] of a bar's unrecorded shares, the bar spanning centerX ± barSpacing / 2. */
export function shadeSpans(centerX: number, barSpacing: number, uncovered: BarShade['uncovered']): [number, number][]
{
    const left = centerX - barSpacing / 2;
    return uncovered
        .map(([from, to]): [number, number] => [left + from * barSpacing, left + to * barSpacing])
        .filter(([from, to]) => to - from >= MIN_SPAN_PX);
}

class ShadingRenderer implements IPrimitivePaneRenderer
{
    constructor(
        private readonly spans: readonly (readonly [number, number])[],
        private readonly color: string,
        private readonly title: string | null,
        private readonly textColor: string,
    )
    {
    }

    draw(target: RenderTarget): void
    {
        target.useBitmapCoordinateSpace(({ context, bitmapSize, horizontalPixelRatio: ratio }) =>
        {
            const step = Math.round(HATCH_STEP_PX * ratio);
            const height = bitmapSize.height;
            context.fillStyle = this.color;
            context.strokeStyle = this.color;
            context.lineWidth = Math.max(1, Math.round(ratio));
            for (const [left, right] of this.spans)
            {
                const x = Math.round(left * ratio);
                const width = Math.max(1, Math.round(right * ratio) - x);
                context.fillRect(x, 0, width, height);
                // Diagonal hatching: "not recorded" must not read as an empty (zero) bar.
                context.save();
                context.beginPath();
                context.rect(x, 0, width, height);
                context.clip();
                context.beginPath();
                const first = x - height - ((x - height) % step);
                for (let hx = first; hx < x + width; hx += step)
                {
                    context.moveTo(hx, height);
                    context.lineTo(hx + height, 0);
                }
                context.stroke();
                context.restore();
            }
        });
        if (this.title !== null)
        {
            const title = this.title;
            target.useMediaCoordinateSpace(({ context }) =>
            {
                context.font = '600 11px Inter, system-ui, sans-serif';
                context.fillStyle = this.textColor;
                context.textBaseline = 'top';
                context.fillText(title, 8, 6);
            });
        }
    }
}

/** Hatches the unrecorded part of each bar over its pane's full height; optionally titles the pane. */
export class CoverageShading implements ISeriesPrimitive<Time>
{
    private chart: IChartApi | null = null;
    private requestUpdate: (() => void) | null = null;
    private shades: readonly BarShade[] = [];
    private spans: [number, number][] = [];
    private readonly view: IPrimitivePaneView;

    constructor(private color: string, private textColor: string, private readonly title: string | null = null)
    {
        this.view = {
            zOrder: (): PrimitivePaneViewZOrder => 'bottom',
            renderer: () => new ShadingRenderer(this.spans, this.color, this.title, this.textColor),
        };
    }

    attached(param: SeriesAttachedParameter<Time>): void
    {
        this.chart = param.chart;
        this.requestUpdate = param.requestUpdate;
    }

    detached(): void
    {
        this.chart = null;
        this.requestUpdate = null;
    }

    setShades(shades: readonly BarShade[]): void
    {
        this.shades = shades;
        this.requestUpdate?.();
    }

    setColors(color: string, textColor: string): void
    {
        this.color = color;
        this.textColor = textColor;
        this.requestUpdate?.();
    }

    /** The unrecorded shares of the bar at timeSec (empty when it is fully recorded). */
    shadeAt(timeSec: number): BarShade['uncovered']
    {
        return this.shades.find((shade) => shade.timeSec === timeSec)?.uncovered ?? [];
    }

    /** How many bars are shaded at least in part. */
    get shadedBars(): number
    {
        return this.shades.length;
    }

    updateAllViews(): void
    {
        const timeScale = this.chart?.timeScale();
        this.spans = [];
        if (timeScale === undefined)
        {
            return;
        }
        const spacing = timeScale.options().barSpacing;
        for (const shade of this.shades)
        {
            const center = timeScale.timeToCoordinate(shade.timeSec as UTCTimestamp);
            if (center !== null)
            {
                this.spans.push(...shadeSpans(center, spacing, shade.uncovered));
            }
        }
    }

    paneViews(): readonly IPrimitivePaneView[]
    {
        return [this.view];
    }
}
