import { addDecimal } from './decimal';
import type { VolumeBucket } from './messages';
import type { Venue } from './venues';

/** One venue's segment of a stacked volume bar: its volume and where the segment ends (the sum up to it). */
export interface StackSegment
{
    readonly venue: Venue;
    readonly volume: string;
    readonly top: string;
}

/**
 * A bucket's volume stacked by venue, bottom first in the order of VENUES, exact; venues without volume are left
 * out. Null for a bucket that was not asked for per venue (the bar is drawn as before, by side).
 */
export function venueStack(bucket: VolumeBucket): readonly StackSegment[] | null
{
    if (bucket.venues === null)
    {
        return null;
    }
    const segments: StackSegment[] = [];
    let top = '0';
    for (const [venue, part] of bucket.venues)
    {
        const volume = addDecimal(part.buy, part.sell);
        if (Number(volume) > 0)
        {
            top = addDecimal(top, volume);
            segments.push({ venue, volume, top });
        }
    }
    return segments;
}
