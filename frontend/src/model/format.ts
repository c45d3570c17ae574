// Times are shown in the browser's time zone (the server sends UTC epoch milliseconds); the zone is a
// parameter only so that tests can pin it.

const timeFormats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(key: string, create: () => Intl.DateTimeFormat): Intl.DateTimeFormat
{
    let format = timeFormats.get(key);
    if (format === undefined)
    {
        format = create();
        timeFormats.set(key, format);
    }
    return format;
}

function parts(timeMs: number, timeZone: string | undefined): Record<string, string>
{
    const format = cachedFormat(`parts|${timeZone ?? ''}`, () => new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
    }));
    const result: Record<string, string> = {};
    for (const part of format.formatToParts(new Date(timeMs)))
    {
        result[part.type] = part.value;
    }
    return result;
}

/** HH:mm:ss in the given zone (default: the browser's). */
export function formatLocalTime(timeMs: number, timeZone?: string): string
{
    const p = parts(timeMs, timeZone);
    return `${p.hour}:${p.minute}:${p.second}`;
}

/** yyyy-MM-dd HH:mm in the given zone (default: the browser's). */
export function formatLocalDateTime(timeMs: number, timeZone?: string): string
{
    const p = parts(timeMs, timeZone);
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A short axis label: the time of day, or the date where a day, month or year begins. */
export function formatAxisLabel(timeMs: number, timeZone?: string): string
{
    const p = parts(timeMs, timeZone);
    if (p.hour === '00' && p.minute === '00')
    {
        return p.day === '01' ? `${p.year}-${p.month}` : `${p.month}-${p.day}`;
    }
    return `${p.hour}:${p.minute}`;
}

const SHORT_UNITS: ReadonlyArray<readonly [number, string]> = [[1e9, 'B'], [1e6, 'M'], [1e3, 'K']];

/** At most three significant digits and a unit: "1.2M", "523", "0.014", for axes and narrow columns. */
export function formatShort(value: number): string
{
    const magnitude = Math.abs(value);
    for (const [size, suffix] of SHORT_UNITS)
    {
        if (magnitude >= size)
        {
            const scaled = value / size;
            return `${Number(scaled.toFixed(Math.abs(scaled) < 10 ? 1 : 0))}${suffix}`;
        }
    }
    return magnitude === 0 ? '0' : String(Number(value.toPrecision(3)));
}
