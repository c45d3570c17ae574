import { describe, expect, it } from 'vitest';
import { bucketEndMs, bucketsBeforeMs, bucketStartMs, historyPageBars, isTimeframe, parseTimeframe, TIMEFRAMES } from './timeframes';

describe('timeframes', () =>
{
    it('should list every timeframe of the contract', () =>
    {
        expect(TIMEFRAMES).toEqual(['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d', '1w', '1M']);
        expect(isTimeframe('1M')).toBe(true);
        expect(isTimeframe('1mo')).toBe(false);
    });

    it('should align fixed sizes to epoch multiples', () =>
    {
        const t = Date.UTC(2024, 0, 1, 12, 7, 31, 250);
        expect(bucketStartMs(t, '1m')).toBe(Date.UTC(2024, 0, 1, 12, 7));
        expect(bucketStartMs(t, '5m')).toBe(Date.UTC(2024, 0, 1, 12, 5));
        expect(bucketStartMs(t, '4h')).toBe(Date.UTC(2024, 0, 1, 12));
        expect(bucketStartMs(t, '1d')).toBe(Date.UTC(2024, 0, 1));
    });

    it('should start weeks on Monday and months on the first', () =>
    {
        const sunday = Date.UTC(2024, 0, 7, 23, 59);
        expect(bucketStartMs(sunday, '1w')).toBe(Date.UTC(2024, 0, 1));
        expect(bucketStartMs(Date.UTC(2024, 1, 29, 5), '1M')).toBe(Date.UTC(2024, 1, 1));
        expect(bucketEndMs(Date.UTC(2024, 1, 1), '1M')).toBe(Date.UTC(2024, 2, 1));
        expect(bucketEndMs(Date.UTC(2024, 0, 1), '1w')).toBe(Date.UTC(2024, 0, 8));
    });

    it('should step back whole buckets', () =>
    {
        expect(bucketsBeforeMs(Date.UTC(2024, 0, 1, 0, 10, 30), '1m', 10)).toBe(Date.UTC(2024, 0, 1, 0, 0));
        expect(bucketsBeforeMs(Date.UTC(2024, 2, 15), '1M', 14)).toBe(Date.UTC(2023, 0, 1));
    });

    it('should read custom timeframes in their largest unit and refuse what the rule does not allow', () =>
    {
        expect(parseTimeframe('10m')).toBe('10m');
        expect(parseTimeframe(' 90m ')).toBe('90m');
        expect(parseTimeframe('120m')).toBe('2h');
        expect(parseTimeframe('24h')).toBe('1d');
        expect(parseTimeframe('72h')).toBe('3d');
        expect(parseTimeframe('90d')).toBe('90d');
        for (const code of ['7m', '25h', '5h', '91d', '0m', '010m', '2w', '1.5h', '10M', ''])
        {
            expect(parseTimeframe(code)).toBeNull();
        }
        expect(isTimeframe('3d')).toBe(true);
        expect(isTimeframe('180m')).toBe(false);
    });

    it('should start custom minute and hour buckets at every UTC midnight and day buckets at the epoch', () =>
    {
        const t = Date.UTC(2024, 0, 1, 12, 7, 31);
        expect(bucketStartMs(t, '10m')).toBe(Date.UTC(2024, 0, 1, 12, 0));
        expect(bucketStartMs(t, '90m')).toBe(Date.UTC(2024, 0, 1, 12, 0));
        expect(bucketStartMs(Date.UTC(2024, 0, 2, 0, 5), '90m')).toBe(Date.UTC(2024, 0, 2));
        expect(bucketStartMs(Date.UTC(2024, 0, 2, 0, 5), '3h')).toBe(Date.UTC(2024, 0, 2));
        // 2024-01-01 is epoch day 19723: its 3-day bucket began on day 19722, 2023-12-31
        expect(bucketStartMs(t, '3d')).toBe(Date.UTC(2023, 11, 31));
        expect(bucketEndMs(Date.UTC(2023, 11, 31), '3d')).toBe(Date.UTC(2024, 0, 3));
        expect(bucketsBeforeMs(t, '20m', 3)).toBe(Date.UTC(2024, 0, 1, 11, 0));
    });

    it('should load pages of history no larger than the server answers for a custom timeframe', () =>
    {
        expect(historyPageBars('1m', 500)).toBe(500);
        expect(historyPageBars('10m', 500)).toBe(500);
        // 90 base days a bar: 5000 / 90 = 55; 288m is 96 of 3m: 5000 / 96 = 52
        expect(historyPageBars('90d', 500)).toBe(55);
        expect(historyPageBars('288m', 500)).toBe(52);
    });
});

