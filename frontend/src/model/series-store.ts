// One chart series' data, keyed by bar time, between the sockets and the chart. It decides between a full
// setData() (first draw, an initial answer, a range answer, or a bar that must be inserted in the middle)
// and update() of only the changed bars; it buffers everything until the chart is ready, and it coalesces
// several live updates of one bar into one.

export interface TimedPoint
{
    readonly time: number;
}

export type ChartOp<T> =
    | { readonly kind: 'set'; readonly points: readonly T[] }
    | { readonly kind: 'update'; readonly points: readonly { readonly point: T; readonly historical: boolean }[] };

/** True where the point already held is newer than the one arriving (arrivals may be stale). */
export type KeepExisting<T> = (existing: T, incoming: T) => boolean;

export class SeriesStore<T extends TimedPoint>
{
    private readonly points = new Map<number, T>();
    private readonly pending = new Map<number, T>();
    private ready = false;
    private snapshotSeen = false;
    private redrawAll = true;
    private drawnLastTime = Number.NEGATIVE_INFINITY;

    constructor(private readonly keepExisting: KeepExisting<T>)
    {
    }

    get size(): number
    {
        return this.points.size;
    }

    get(time: number): T | undefined
    {
        return this.points.get(time);
    }

    firstTime(): number | null
    {
        let first: number | null = null;
        for (const time of this.points.keys())
        {
            if (first === null || time < first)
            {
                first = time;
            }
        }
        return first;
    }

    lastTime(): number | null
    {
        let last: number | null = null;
        for (const time of this.points.keys())
        {
            if (last === null || time > last)
            {
                last = time;
            }
        }
        return last;
    }

    sorted(): T[]
    {
        return [...this.points.values()].sort((a, b) => a.time - b.time);
    }

    /** An initial or range answer: merged into what is held and drawn with one setData(). */
    snapshot(points: readonly T[]): void
    {
        for (const point of points)
        {
            this.merge(point);
        }
        this.pending.clear();
        this.redrawAll = true;
        this.snapshotSeen = true;
    }

    /** Live bars: merged, and drawn with update() unless one has to be inserted before the last drawn bar. */
    live(points: readonly T[]): void
    {
        for (const point of points)
        {
            const isNew = !this.points.has(point.time);
            if (this.merge(point) && !this.redrawAll)
            {
                if (isNew && point.time < this.drawnLastTime)
                {
                    this.redrawAll = true;
                    this.pending.clear();
                }
                else
                {
                    this.pending.set(point.time, this.points.get(point.time) as T);
                }
            }
        }
    }

    /** The chart can draw now; everything received so far comes out of the next takeOp(). */
    markReady(): void
    {
        this.ready = true;
    }

    get isReady(): boolean
    {
        return this.ready;
    }

    /**
     * What the chart has to do to show the current data, or null if it already does, or if it cannot draw
     * yet (not ready, or live bars only without the snapshot they belong to).
     */
    takeOp(): ChartOp<T> | null
    {
        if (!this.ready || !this.snapshotSeen)
        {
            return null;
        }
        if (this.redrawAll)
        {
            this.redrawAll = false;
            this.pending.clear();
            const points = this.sorted();
            this.drawnLastTime = points.length === 0 ? Number.NEGATIVE_INFINITY : points[points.length - 1].time;
            return { kind: 'set', points };
        }
        if (this.pending.size === 0)
        {
            return null;
        }
        const updates = [...this.pending.values()]
            .sort((a, b) => a.time - b.time)
            .map((point) => ({ point, historical: point.time < this.drawnLastTime }));
        this.pending.clear();
        this.drawnLastTime = Math.max(this.drawnLastTime, updates[updates.length - 1].point.time);
        return { kind: 'update', points: updates };
    }

    private merge(point: T): boolean
    {
        const existing = this.points.get(point.time);
        if (existing !== undefined && this.keepExisting(existing, point))
        {
            return false;
        }
        this.points.set(point.time, point);
        return true;
    }
}
