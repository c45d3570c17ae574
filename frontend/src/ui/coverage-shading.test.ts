import { describe, expect, it } from 'vitest';
import { shadeSpans } from './coverage-shading';

describe('shadeSpans', () =>
{
    it('should shade only the unrecorded shares of a bar', () =>
    {
        expect(shadeSpans(100, 10, [[0, 1]])).toEqual([[95, 105]]);
        expect(shadeSpans(100, 10, [[0, 0.25], [0.5, 0.6]])).toEqual([[95, 97.5], [100, 101]]);
    });

    it('should leave out spans too narrow to see, such as a sub-second gap in a long candle', () =>
    {
        expect(shadeSpans(100, 40, [[0.5, 0.5 + 0.3 / 604_800]])).toEqual([]);
    });
});
