import { describe, expect, it } from 'vitest';
import { formatAxisLabel, formatLocalDateTime, formatLocalTime } from './format';

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
});
