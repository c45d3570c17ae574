import { describe, expect, it } from 'vitest';
import { addDecimal, compareDecimal, divideDecimal, formatCompact, groupThousands, isDecimal, subtractDecimal } from './decimal';

describe('formatCompact', () =>
{
    it('should use the contract units by magnitude', () =>
    {
        expect(formatCompact('1234567890.00')).toBe('1.23B');
        expect(formatCompact('15000.00')).toBe('15.00K');
        expect(formatCompact('2500000')).toBe('2.50M');
        expect(formatCompact('999.994')).toBe('999.99');
        expect(formatCompact('0')).toBe('0.00');
    });

    it('should round half away from zero without float error', () =>
    {
        expect(formatCompact('111111.09999999999')).toBe('111.11K');
        expect(formatCompact('1005')).toBe('1.01K');
        expect(formatCompact('0.005')).toBe('0.01');
        expect(formatCompact('-0.005')).toBe('-0.01');
        expect(formatCompact('-5000.00')).toBe('-5.00K');
    });

    it('should keep digits that a double would lose', () =>
    {
        expect(formatCompact('123456789012345678901.995')).toBe('123,456,789,012.35B');
    });

    it('should return text that is not a decimal unchanged', () =>
    {
        expect(formatCompact('n/a')).toBe('n/a');
        expect(formatCompact('')).toBe('');
    });
});

describe('compareDecimal', () =>
{
    it('should compare across scales exactly', () =>
    {
        expect(compareDecimal('100000', '99999.999999')).toBe(1);
        expect(compareDecimal('5000.00', '5000')).toBe(0);
        expect(compareDecimal('0.1', '0.10000000000000001')).toBe(-1);
        expect(compareDecimal('-1', '0')).toBe(-1);
    });

    it('should answer null for non-decimals', () =>
    {
        expect(compareDecimal('abc', '1')).toBeNull();
        expect(isDecimal('1e5')).toBe(false);
        expect(isDecimal('12.5')).toBe(true);
    });
});

describe('groupThousands', () =>
{
    it('should group the integer part only', () =>
    {
        expect(groupThousands('50000')).toBe('50,000');
        expect(groupThousands('1234567.891011')).toBe('1,234,567.891011');
        expect(groupThousands('-999')).toBe('-999');
        expect(groupThousands('x')).toBe('x');
    });
});

describe('exact arithmetic', () =>
{
    it('should add and subtract at the larger scale without binary rounding', () =>
    {
        expect(addDecimal('0.1', '0.2')).toBe('0.3');
        expect(addDecimal('99999999999999999.99', '0.01')).toBe('100000000000000000.00');
        expect(subtractDecimal('5.25', '61.50')).toBe('-56.25');
        expect(subtractDecimal('0.10', '0.1')).toBe('0.00');
        expect(() => addDecimal('x', '1')).toThrow();
    });

    it('should divide rounding half away from zero, and refuse a zero divisor', () =>
    {
        expect(divideDecimal('775.175', '1', 2)).toBe('775.18');
        expect(divideDecimal('-1', '8', 2)).toBe('-0.13');
        expect(divideDecimal('1', '-3', 4)).toBe('-0.3333');
        expect(divideDecimal('2', '0.00', 2)).toBeNull();
    });
});
