import { describe, expect, it } from 'vitest';
import { Backoff, DEFAULT_BACKOFF } from './backoff';

const options = { initialMs: 1000, maxMs: 8000, healthyAfterMs: 10_000 };

describe('Backoff', () =>
{
    it('should grow exponentially up to the cap', () =>
    {
        const backoff = new Backoff(options, () => 1);
        expect([1, 2, 3, 4, 5].map(() => backoff.nextDelayMs(0))).toEqual([1000, 2000, 4000, 8000, 8000]);
    });

    it('should jitter between a quarter of the ceiling and the ceiling', () =>
    {
        expect(new Backoff(options, () => 0).nextDelayMs(0)).toBe(250);
        expect(new Backoff(options, () => 0.5).nextDelayMs(0)).toBe(625);
    });

    it('should keep growing when connections close right after opening', () =>
    {
        const backoff = new Backoff(options, () => 1);
        backoff.nextDelayMs(0);
        backoff.onConnected(1000);
        expect(backoff.nextDelayMs(1500)).toBe(2000);
        backoff.onConnected(4000);
        expect(backoff.nextDelayMs(4100)).toBe(4000);
    });

    it('should never wait more than 5 s by default, jittered', () =>
    {
        const delays = [0, 0.5, 1].map((random) =>
        {
            const backoff = new Backoff(DEFAULT_BACKOFF, () => random);
            return Array.from({ length: 12 }, () => backoff.nextDelayMs(0)).at(-1);
        });
        expect(delays).toEqual([1250, 3125, 5000]);
    });

    it('should reset only after a healthy period', () =>
    {
        const backoff = new Backoff(options, () => 1);
        backoff.nextDelayMs(0);
        backoff.nextDelayMs(0);
        backoff.onConnected(5000);
        expect(backoff.nextDelayMs(15_000)).toBe(1000);
        expect(backoff.attemptCount).toBe(1);
    });
});
