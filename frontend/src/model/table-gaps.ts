// Where the liquidations table crosses time that was not recorded: a row whose time and that of the row above it
// (now, for the newest) enclose part of a gap gets a mark, so a jump in the table never reads as a quiet market.
import type { Gap } from './gaps';

/** Per row (newest first): the gaps between it and the row above it (or now), joined into one span; else null. */
export function gapsAboveRows(rowTimesMs: readonly number[], gaps: readonly Gap[], nowMs: number): (Gap | null)[]
{
    return rowTimesMs.map((timeMs, index) =>
    {
        const newerMs = index === 0 ? nowMs : rowTimesMs[index - 1];
        const between = gaps.filter((gap) => gap.toMs > timeMs && gap.fromMs < newerMs);
        if (between.length === 0)
        {
            return null;
        }
        return {
            fromMs: Math.max(timeMs, Math.min(...between.map((gap) => gap.fromMs))),
            toMs: Math.min(newerMs, Math.max(...between.map((gap) => gap.toMs))),
        };
    });
}
