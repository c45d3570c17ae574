import { compareDecimal } from './decimal';
import type { LiquidationOrder } from './messages';

export const MAX_ROWS = 50;

/** The live table's rows (or the chart's recent markers): newest first, at most capacity. */
export class LiquidationFeed
{
    private current: LiquidationOrder[] = [];

    constructor(private readonly capacity = MAX_ROWS)
    {
    }

    get rows(): readonly LiquidationOrder[]
    {
        return this.current;
    }

    /** An initial message replaces the rows; a live one puts its orders on top. Returns the orders added. */
    apply(initial: boolean, orders: readonly LiquidationOrder[]): readonly LiquidationOrder[]
    {
        const incoming = [...orders].sort((a, b) => b.timestampMs - a.timestampMs);
        const merged = initial ? incoming : [...incoming, ...this.current].sort((a, b) => b.timestampMs - a.timestampMs);
        this.current = merged.slice(0, this.capacity);
        return initial ? this.current : incoming.filter((order) => this.current.includes(order));
    }

    clear(): void
    {
        this.current = [];
    }
}

/** Whether an order's notional reaches the threshold (a decimal string in USDT); an unreadable threshold marks nothing. */
export function isLarge(order: LiquidationOrder, thresholdUsdt: string): boolean
{
    const comparison = compareDecimal(order.notional, thresholdUsdt);
    return comparison !== null && comparison >= 0;
}

/** SELL liquidates a long position, BUY a short one (docs/API.md section 1). */
export function positionLabel(order: LiquidationOrder): 'long' | 'short'
{
    return order.side === 'SELL' ? 'long' : 'short';
}
