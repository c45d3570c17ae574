// Exact arithmetic on the decimal strings the server sends: volumes and notionals are money, so they are
// compared and formatted as scaled integers, never through binary floating point.

interface Scaled
{
    readonly units: bigint;
    readonly scale: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

function parse(text: string): Scaled | null
{
    const match = DECIMAL.exec(text.trim());
    if (match === null || (match[2] === '' && (match[3] ?? '') === ''))
    {
        return null;
    }
    const fraction = match[3] ?? '';
    const digits = BigInt((match[2] || '0') + fraction);
    return { units: match[1] === '-' ? -digits : digits, scale: fraction.length };
}

function rescale(value: Scaled, scale: number): bigint
{
    return value.units * 10n ** BigInt(scale - value.scale);
}

export function isDecimal(text: string): boolean
{
    return parse(text) !== null;
}

/** Negative, zero or positive as a < b, a = b, a > b; null when either is not a decimal. */
export function compareDecimal(a: string, b: string): number | null
{
    const left = parse(a);
    const right = parse(b);
    if (left === null || right === null)
    {
        return null;
    }
    const scale = Math.max(left.scale, right.scale);
    const difference = rescale(left, scale) - rescale(right, scale);
    return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

function unitsToText(units: bigint, scale: number): string
{
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
    const whole = digits.slice(0, digits.length - scale);
    const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
    return `${negative && units !== 0n ? '-' : ''}${whole}${fraction}`;
}

function parseOrThrow(text: string): Scaled
{
    const value = parse(text);
    if (value === null)
    {
        throw new Error(`not a decimal: ${text}`);
    }
    return value;
}

/** a + b exactly, at the larger of their scales. */
export function addDecimal(a: string, b: string): string
{
    const left = parseOrThrow(a);
    const right = parseOrThrow(b);
    const scale = Math.max(left.scale, right.scale);
    return unitsToText(rescale(left, scale) + rescale(right, scale), scale);
}

/** a − b exactly, at the larger of their scales. */
export function subtractDecimal(a: string, b: string): string
{
    return addDecimal(a, negateDecimal(b));
}

function negateDecimal(text: string): string
{
    const value = parseOrThrow(text);
    return unitsToText(-value.units, value.scale);
}

/** a / b rounded half away from zero to `digits` fraction digits; null when b is zero. */
export function divideDecimal(a: string, b: string, digits: number): string | null
{
    const left = parseOrThrow(a);
    const right = parseOrThrow(b);
    if (right.units === 0n)
    {
        return null;
    }
    // a / b = (aUnits / 10^aScale) / (bUnits / 10^bScale); scaled by 10^digits
    let numerator = left.units * 10n ** BigInt(right.scale + digits);
    let denominator = right.units * 10n ** BigInt(left.scale);
    if (denominator < 0n)
    {
        numerator = -numerator;
        denominator = -denominator;
    }
    return unitsToText(divideRounded(numerator, denominator), digits);
}

/** numerator / denominator rounded half away from zero. */
function divideRounded(numerator: bigint, denominator: bigint): bigint
{
    const negative = numerator < 0n;
    const magnitude = negative ? -numerator : numerator;
    const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
    return negative ? -quotient : quotient;
}

function hundredthsToText(hundredths: bigint): string
{
    const negative = hundredths < 0n;
    const magnitude = negative ? -hundredths : hundredths;
    const whole = (magnitude / 100n).toString();
    const cents = (magnitude % 100n).toString().padStart(2, '0');
    return `${negative ? '-' : ''}${groupDigits(whole)}.${cents}`;
}

function groupDigits(digits: string): string
{
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const UNITS: ReadonlyArray<readonly [bigint, string]> = [
    [1_000_000_000n, 'B'],
    [1_000_000n, 'M'],
    [1_000n, 'K'],
];

/**
 * The contract's compact form: >= 1e9 "x.xxB", >= 1e6 "x.xxM", >= 1e3 "x.xxK", else two decimals
 * (the unit is chosen by magnitude, the sign kept). Returns the input unchanged if it is not a decimal.
 */
export function formatCompact(text: string): string
{
    const value = parse(text);
    if (value === null)
    {
        return text;
    }
    const magnitude = value.units < 0n ? -value.units : value.units;
    const one = 10n ** BigInt(value.scale);
    for (const [size, suffix] of UNITS)
    {
        if (magnitude >= size * one)
        {
            return hundredthsToText(divideRounded(value.units * 100n, size * one)) + suffix;
        }
    }
    return hundredthsToText(divideRounded(value.units * 100n, one));
}

/** Thousands separators on the integer part, the fraction kept exactly as sent. */
export function groupThousands(text: string): string
{
    const match = DECIMAL.exec(text.trim());
    if (match === null || match[2] === '')
    {
        return text;
    }
    const fraction = match[3] === undefined ? '' : `.${match[3]}`;
    return `${match[1] === '-' ? '-' : ''}${groupDigits(match[2])}${fraction}`;
}
