import { describe, expect, it } from 'vitest';
import { shadedRuns } from './gap-shading';

describe('shadedRuns', () =>
{
    it('should join neighbouring shaded bars into runs', () =>
    {
        expect(shadedRuns([0, 60, 120, 180, 240, 300], [60, 120, 300])).toEqual([{ fromSec: 60, toSec: 120 }, { fromSec: 300, toSec: 300 }]);
        expect(shadedRuns([0, 60], [])).toEqual([]);
    });
});
