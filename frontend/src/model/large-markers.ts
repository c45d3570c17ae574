// Large liquidations as markers on the price chart: above the bar for shorts liquidated (forced buys), below
// it for longs (forced sells), larger the more the notional exceeds the threshold.
import { isLarge, positionLabel } from './liquidation-feed';
import type { LiquidationOrder } from './messages';
import { bucketStartMs, type Timeframe } from './timeframes';

export interface LargeMarker
{
    readonly timeSec: number;
    readonly position: 'aboveBar' | 'belowBar';
    readonly side: 'long' | 'short';
    /** 1 at the threshold, up to 4 at a thousand times it. */
    readonly size: number;
    readonly notional: string;
}

const MIN_SIZE = 1;
const MAX_SIZE = 4;

/** Marker size grows with the decades by which the notional exceeds the threshold. */
export function markerSize(notional: number, thresholdUsdt: number): number
{
    const ratio = notional / Math.max(thresholdUsdt, 1);
    return Math.round(Math.min(MAX_SIZE, Math.max(MIN_SIZE, MIN_SIZE + Math.log10(Math.max(ratio, 1)))) * 100) / 100;
}

/** The markers of the orders at or above the threshold, oldest first (the order the chart needs). */
export function largeMarkers(orders: readonly LiquidationOrder[], thresholdUsdt: string, timeframe: Timeframe): LargeMarker[]
{
    const threshold = Number(thresholdUsdt);
    return orders
        .filter((order) => isLarge(order, thresholdUsdt))
        .sort((a, b) => a.timestampMs - b.timestampMs)
        .map((order) =>
        {
            const side = positionLabel(order);
            return {
                timeSec: bucketStartMs(order.timestampMs, timeframe) / 1000,
                position: side === 'short' ? 'aboveBar' : 'belowBar',
                side,
                size: markerSize(Number(order.notional), threshold),
                notional: order.notional,
            };
        });
}
