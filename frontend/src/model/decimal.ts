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
