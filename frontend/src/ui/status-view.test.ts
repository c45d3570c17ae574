import { describe, expect, it } from 'vitest';
import { failureText } from './status-view';

describe('failureText', () =>
{
    it('should put a refusal in words, never the raw error code', () =>
    {
        expect(failureText('unknown_symbol', 'unknown_symbol: FOO')).toBe('unknown symbol');
        expect(failureText('invalid_timeframe', 'x')).toBe('unknown timeframe');
        expect(failureText('rejected', '')).toBe('refused by the server');
        expect(failureText('overloaded', 'too many streams')).toBe('too many streams');
    });
});
