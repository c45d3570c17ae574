import { describe, expect, it } from 'vitest';
import { formatAxisLabel, formatLocalDateTime, formatLocalTime, formatShort } from './format';

describe('format', () =>
{
    const t = Date.UTC(2023, 10, 14, 22, 13, 20);

    it('should render the time of day in the requested zone', () =>
    {
        expect(formatLocalTime(t, 'UTC')).toBe('22:13:20');
        expect(formatLocalTime(t, 'Asia/Tokyo')).toBe('07:13:20');
        expect(formatLocalTime(t, 'America/New_York')).toBe('17:13:20');
    });

    it('should render the date with the time where the zone crosses midnight', () =>
    {
        expect(formatLocalDateTime(t, 'UTC')).toBe('2023-11-14 22:13');
        expect(formatLocalDateTime(t, 'Asia/Tokyo')).toBe('2023-11-15 07:13');
    });

    it('should label midnights with the date', () =>
    {
        expect(formatAxisLabel(Date.UTC(2024, 0, 1), 'UTC')).toBe('2024-01');
        expect(formatAxisLabel(Date.UTC(2024, 0, 5), 'UTC')).toBe('01-05');
        expect(formatAxisLabel(Date.UTC(2024, 0, 5, 9, 30), 'UTC')).toBe('09:30');
    });

    it('should shorten numbers to three significant digits and a unit', () =>
    {
        expect([1_234_567_890, 56_500_000, 1_200_000, 12_345, 999, 52.345, 0.01449, 0, -2500].map(formatShort))
            .toEqual(['1.2B', '57M', '1.2M', '12K', '999', '52.3', '0.0145', '0', '-2.5K']);
    });
});
