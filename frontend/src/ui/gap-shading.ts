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

/** A run of consecutive shaded bars, by bar time in seconds. */
export interface ShadedRun
{
    readonly fromSec: number;
    readonly toSec: number;
}

/** Groups shaded bar times into runs of neighbouring bars of the plotted time axis. */
export function shadedRuns(plottedTimesSec: readonly number[], shadedTimesSec: readonly number[]): ShadedRun[]
{
    const shaded = new Set(shadedTimesSec);
    const runs: ShadedRun[] = [];
    let start: number | null = null;
    let previous = 0;
    for (const time of plottedTimesSec)
    {
        if (shaded.has(time))
        {
            start ??= time;
            previous = time;
        }
        else if (start !== null)
        {
            runs.push({ fromSec: start, toSec: previous });
            start = null;
        }
    }
    if (start !== null)
    {
        runs.push({ fromSec: start, toSec: previous });
    }
    return runs;
}

class GapRenderer implements IPrimitivePaneRenderer
{
    constructor(private readonly spans: readonly (readonly [number, number])[], private readonly color: string)
    {
    }

    draw(target: RenderTarget): void
    {
        target.useBitmapCoordinateSpace(({ context, bitmapSize, horizontalPixelRatio }) =>
        {
            context.fillStyle = this.color;
            for (const [left, right] of this.spans)
            {
                const x = Math.round(left * horizontalPixelRatio);
                context.fillRect(x, 0, Math.max(1, Math.round(right * horizontalPixelRatio) - x), bitmapSize.height);
            }
        });
    }
}

/** Shades the chart's full height behind the bars recorded as gaps (no live upstream connection). */
export class GapShading implements ISeriesPrimitive<Time>
{
    private chart: IChartApi | null = null;
    private requestUpdate: (() => void) | null = null;
    private runs: readonly ShadedRun[] = [];
    private spans: (readonly [number, number])[] = [];
    private readonly view: IPrimitivePaneView;

    constructor(private color: string)
    {
        this.view = {
            zOrder: (): PrimitivePaneViewZOrder => 'bottom',
            renderer: () => new GapRenderer(this.spans, this.color),
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

    setRuns(runs: readonly ShadedRun[]): void
    {
        this.runs = runs;
        this.requestUpdate?.();
    }

    setColor(color: string): void
    {
        this.color = color;
        this.requestUpdate?.();
    }

    get runCount(): number
    {
        return this.runs.length;
    }

    updateAllViews(): void
    {
        const timeScale = this.chart?.timeScale();
        if (timeScale === undefined)
        {
            this.spans = [];
            return;
        }
        const half = timeScale.options().barSpacing / 2;
        this.spans = [];
        for (const run of this.runs)
        {
            const from = timeScale.timeToCoordinate(run.fromSec as UTCTimestamp);
            const to = timeScale.timeToCoordinate(run.toSec as UTCTimestamp);
            if (from !== null && to !== null)
            {
                this.spans.push([from - half, to + half]);
            }
        }
    }

    paneViews(): readonly IPrimitivePaneView[]
    {
        return [this.view];
    }
}
