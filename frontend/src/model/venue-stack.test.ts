import { describe, expect, it } from 'vitest';
import { readVolumeBucket, type VolumeBucket } from './messages';
import { venueStack } from './venue-stack';

function bucket(exchanges: unknown): VolumeBucket
{
    const read = readVolumeBucket({
        time: 60, buy_volume: '0.3', sell_volume: '0.6', total_volume: '0.9', delta_volume: '-0.3', buy_count: 2, sell_count: 2, exchanges,
    });
    if (read === null)
    {
        throw new Error('unreadable fixture');
    }
    return read;
}

describe('venueStack', () =>
{
    it('should stack the venues bottom up in the canonical order with exact sums', () =>
    {
        const stack = venueStack(bucket({
            okx: { buy_volume: '0.2', sell_volume: '0', buy_count: 1, sell_count: 0 },
            binance: { buy_volume: '0.1', sell_volume: '0.2', buy_count: 1, sell_count: 1 },
            bybit: { buy_volume: '0', sell_volume: '0.4', buy_count: 0, sell_count: 1 },
        }));
        expect(stack).toEqual([
            { venue: 'binance', volume: '0.3', top: '0.3' },
            { venue: 'bybit', volume: '0.4', top: '0.7' },
            { venue: 'okx', volume: '0.2', top: '0.9' },
        ]);
    });

    it('should leave out a venue without volume, and answer null for a row not asked for per venue', () =>
    {
        expect(venueStack(bucket({ bybit: { buy_volume: '0.00', sell_volume: '0.00', buy_count: 0, sell_count: 0 } }))).toEqual([]);
        expect(venueStack(bucket(undefined))).toBeNull();
    });
});
