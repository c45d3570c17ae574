import { formatCompact, groupThousands } from '../model/decimal';
import { formatLocalTime, formatShort } from '../model/format';
import type { Gap } from '../model/gaps';
import { isLarge, MAX_ROWS, positionLabel } from '../model/liquidation-feed';
import type { LiquidationOrder } from '../model/messages';
import { gapsAboveRows } from '../model/table-gaps';
import { VENUE_LABELS, VENUE_SHORT } from '../model/venues';
import { element } from './dom';

export interface TableElements
{
    readonly body: HTMLTableSectionElement;
    readonly empty: HTMLElement;
    readonly paused: HTMLElement;
    readonly scroll: HTMLElement;
}

/**
 * The live liquidations table, newest on top. It has a fixed set of MAX_ROWS rows of fixed height whose
 * contents are rewritten, so an update never moves the layout; while the pointer is over it, it holds still
 * and counts what arrived, and shows it when the pointer leaves.
 */
export class TableView
{
    private readonly slots: HTMLTableRowElement[] = [];
    private thresholdUsdt: string;
    private latest: readonly LiquidationOrder[] = [];
    private gaps: readonly Gap[] = [];
    private hovered = false;
    private held = 0;

    constructor(private readonly elements: TableElements, thresholdUsdt: string)
    {
        this.thresholdUsdt = thresholdUsdt;
        for (let i = 0; i < MAX_ROWS; i++)
        {
            const row = element('tr');
            row.append(element('td', 'time'), element('td', 'venue'), element('td', 'side'), element('td', 'num qty'), element('td', 'num price'), element('td', 'num notional'));
            this.slots.push(row);
        }
        elements.body.replaceChildren(...this.slots);
        elements.scroll.addEventListener('mouseenter', () =>
        {
            this.hovered = true;
        });
        elements.scroll.addEventListener('mouseleave', () =>
        {
            this.hovered = false;
            if (this.held > 0)
            {
                const fresh = this.held;
                this.held = 0;
                this.render(fresh);
            }
        });
    }

    /** A new view's rows: shown at once, even while hovered. */
    reset(rows: readonly LiquidationOrder[]): void
    {
        this.latest = rows;
        this.held = 0;
        this.render(0);
    }

    /** The rows after live orders arrived, addedCount of them new on top. */
    update(rows: readonly LiquidationOrder[], addedCount: number): void
    {
        this.latest = rows;
        if (this.hovered)
        {
            this.held += addedCount;
            this.elements.paused.hidden = false;
            this.elements.paused.textContent = `Paused while the pointer is here · ${this.held} new`;
            return;
        }
        this.render(addedCount);
    }

    /** The notable recorded gaps: a row below one is marked (the table jumps over time not recorded). */
    setGaps(gaps: readonly Gap[]): void
    {
        this.gaps = gaps;
        if (!this.hovered)
        {
            this.markGaps();
        }
    }

    setThreshold(thresholdUsdt: string): void
    {
        this.thresholdUsdt = thresholdUsdt;
        this.slots.forEach((slot, index) =>
        {
            const order = this.shownAt(index);
            slot.classList.toggle('large', order !== undefined && isLarge(order, thresholdUsdt));
        });
    }

    private shownAt(index: number): LiquidationOrder | undefined
    {
        const notional = this.slots[index].dataset.notional;
        return notional === undefined ? undefined : ({ notional } as LiquidationOrder);
    }

    private render(freshCount: number): void
    {
        this.elements.paused.hidden = true;
        this.slots.forEach((slot, index) => this.fill(slot, this.latest[index], index < freshCount));
        this.elements.empty.hidden = this.latest.length > 0;
        this.markGaps();
    }

    /** A mark (a line drawn inside the row, so nothing moves) on each row that has a gap above it. */
    private markGaps(): void
    {
        const shown = this.latest.slice(0, this.slots.length).map((order) => order.timestampMs);
        const above = gapsAboveRows(shown, this.gaps, Date.now());
        this.slots.forEach((slot, index) =>
        {
            const gap = above[index] ?? null;
            slot.classList.toggle('after-gap', gap !== null);
            if (gap === null)
            {
                delete slot.dataset.gap;
                slot.removeAttribute('title');
                return;
            }
            const span = `${formatLocalTime(gap.fromMs)}–${formatLocalTime(gap.toMs)}`;
            slot.dataset.gap = span;
            slot.title = `not recorded ${span}`;
        });
    }

    private fill(row: HTMLTableRowElement, order: LiquidationOrder | undefined, fresh: boolean): void
    {
        const [time, venue, side, quantity, price, notional] = Array.from(row.cells);
        if (order === undefined)
        {
            row.className = '';
            row.removeAttribute('title');
            delete row.dataset.gap;
            delete row.dataset.ts;
            delete row.dataset.side;
            delete row.dataset.notional;
            delete row.dataset.exchange;
            for (const cell of row.cells)
            {
                cell.replaceChildren();
            }
            notional.title = '';
            return;
        }
        const position = positionLabel(order);
        row.className = position;
        row.classList.toggle('large', isLarge(order, this.thresholdUsdt));
        row.dataset.ts = String(order.timestampMs);
        row.dataset.side = order.side;
        row.dataset.notional = order.notional;
        time.textContent = formatLocalTime(order.timestampMs);
        if (order.exchange === null)
        {
            delete row.dataset.exchange;
            venue.replaceChildren();
        }
        else
        {
            row.dataset.exchange = order.exchange;
            const badge = element('span', `venue-badge ${order.exchange}`, VENUE_SHORT[order.exchange]);
            badge.title = VENUE_LABELS[order.exchange];
            venue.replaceChildren(badge);
        }
        side.replaceChildren(element('span', `side-badge ${position}`, position));
        quantity.replaceChildren(
            element('span', 'full-value', groupThousands(order.quantity)),
            element('span', 'short-value', formatShort(Number(order.quantity))),
        );
        if (order.baseAsset !== '')
        {
            quantity.append(element('span', 'asset', ` ${order.baseAsset}`));
        }
        price.textContent = groupThousands(order.avgPrice);
        notional.textContent = formatCompact(order.notional);
        notional.title = `${groupThousands(order.notional)} USDT`;
        if (fresh)
        {
            // Restarts the highlight on a row that was fresh a moment ago.
            void row.offsetWidth;
            row.classList.add('fresh');
        }
    }
}
