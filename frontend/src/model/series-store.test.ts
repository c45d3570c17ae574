import { describe, expect, it } from 'vitest';
import { SeriesStore } from './series-store';

interface Bar
{
    readonly time: number;
    readonly count: number;
}

function store(): SeriesStore<Bar>
{
    return new SeriesStore<Bar>((existing, incoming) => existing.count > incoming.count);
}

const bars = (...times: number[]): Bar[] => times.map((time) => ({ time, count: 1 }));

describe('SeriesStore', () =>
{
    it('should draw the initial snapshot with one set', () =>
    {
        const s = store();
        s.markReady();
        s.snapshot(bars(180, 60, 120));
        expect(s.takeOp()).toEqual({ kind: 'set', points: bars(60, 120, 180) });
        expect(s.takeOp()).toBeNull();
    });

    it('should draw live bars with update, never set', () =>
    {
        const s = store();
        s.markReady();
        s.snapshot(bars(60, 120));
        s.takeOp();
        s.live([{ time: 120, count: 2 }, { time: 180, count: 1 }]);
        expect(s.takeOp()).toEqual({
            kind: 'update',
            points: [{ point: { time: 120, count: 2 }, historical: false }, { point: { time: 180, count: 1 }, historical: false }],
        });
    });

    it('should buffer everything that arrives before the chart is ready', () =>
    {
        const s = store();
        s.snapshot(bars(60, 120));
        s.live([{ time: 120, count: 3 }, { time: 180, count: 1 }]);
        expect(s.takeOp()).toBeNull();
        s.markReady();
        expect(s.takeOp()).toEqual({ kind: 'set', points: [{ time: 60, count: 1 }, { time: 120, count: 3 }, { time: 180, count: 1 }] });
        expect(s.takeOp()).toBeNull();
    });

    it('should hold live bars until their snapshot arrives', () =>
    {
        const s = store();
        s.markReady();
        s.live(bars(240));
        expect(s.takeOp()).toBeNull();
        s.snapshot(bars(60, 120, 180));
        expect(s.takeOp()).toEqual({ kind: 'set', points: bars(60, 120, 180, 240) });
    });

    it('should coalesce several updates of one bar into one', () =>
    {
        const s = store();
        s.markReady();
        s.snapshot(bars(60));
        s.takeOp();
        for (let count = 2; count <= 30; count++)
        {
            s.live([{ time: 60, count }]);
        }
        expect(s.takeOp()).toEqual({ kind: 'update', points: [{ point: { time: 60, count: 30 }, historical: false }] });
    });

    it('should never let a stale arrival replace a newer bar', () =>
    {
        const s = store();
        s.markReady();
        s.snapshot([{ time: 60, count: 5 }]);
        s.takeOp();
        s.live([{ time: 60, count: 4 }]);
        expect(s.takeOp()).toBeNull();
        s.snapshot([{ time: 60, count: 3 }, { time: 0, count: 1 }]);
        expect(s.takeOp()).toEqual({ kind: 'set', points: [{ time: 0, count: 1 }, { time: 60, count: 5 }] });
    });

    it('should mark updates of older drawn bars as historical', () =>
    {
        const s = store();
        s.markReady();
        s.snapshot(bars(60, 120, 180));
        s.takeOp();
        s.live([{ time: 60, count: 2 }]);
        expect(s.takeOp()).toEqual({ kind: 'update', points: [{ point: { time: 60, count: 2 }, historical: true }] });
    });

    it('should redraw when a live bar has to be inserted before the last drawn one', () =>
    {
        const s = store();
        s.markReady();
        s.snapshot(bars(60, 180));
        s.takeOp();
        s.live(bars(120));
        expect(s.takeOp()).toEqual({ kind: 'set', points: bars(60, 120, 180) });
    });

    it('should merge a range answer of older bars into one set', () =>
    {
        const s = store();
        s.markReady();
        s.snapshot(bars(300, 360));
        s.takeOp();
        s.live([{ time: 360, count: 2 }]);
        s.snapshot(bars(180, 240));
        expect(s.firstTime()).toBe(180);
        expect(s.lastTime()).toBe(360);
        expect(s.takeOp()).toEqual({ kind: 'set', points: [...bars(180, 240, 300), { time: 360, count: 2 }] });
        expect(s.size).toBe(4);
    });
});
