import { formatCompact, groupThousands } from '../model/decimal';
import { formatLocalTime } from '../model/format';
import { isLarge, MAX_ROWS, positionLabel } from '../model/liquidation-feed';
import type { LiquidationOrder } from '../model/messages';
import { element } from './dom';

/** The live liquidations table: newest on top, at most MAX_ROWS rows, large ones highlighted. */
export class TableView
{
    private thresholdUsdt: string;

    constructor(private readonly body: HTMLTableSectionElement, private readonly empty: HTMLElement, thresholdUsdt: string)
    {
        this.thresholdUsdt = thresholdUsdt;
    }

    reset(rows: readonly LiquidationOrder[]): void
    {
        this.body.replaceChildren(...rows.map((row) => this.row(row)));
        this.showEmpty();
    }

    prepend(added: readonly LiquidationOrder[]): void
    {
        const rows = added.map((order) =>
        {
            const row = this.row(order);
            row.classList.add('fresh');
            row.addEventListener('animationend', () => row.classList.remove('fresh'), { once: true });
            return row;
        });
        this.body.prepend(...rows);
        while (this.body.rows.length > MAX_ROWS)
        {
            this.body.lastElementChild?.remove();
        }
        this.showEmpty();
    }

    setThreshold(thresholdUsdt: string): void
    {
        this.thresholdUsdt = thresholdUsdt;
        for (const row of Array.from(this.body.rows))
        {
            const notional = row.dataset.notional ?? '0';
            row.classList.toggle('large', isLarge({ notional } as LiquidationOrder, thresholdUsdt));
        }
    }

    private showEmpty(): void
    {
        this.empty.hidden = this.body.rows.length > 0;
    }

    private row(order: LiquidationOrder): HTMLTableRowElement
    {
        const position = positionLabel(order);
        const row = element('tr', position);
        row.dataset.ts = String(order.timestampMs);
        row.dataset.side = order.side;
        row.dataset.notional = order.notional;
        row.classList.toggle('large', isLarge(order, this.thresholdUsdt));
        const side = element('td', 'side');
        side.append(element('span', `side-badge ${position}`, position));
        const quantity = element('td', 'num', groupThousands(order.quantity));
        if (order.baseAsset !== '')
        {
            quantity.append(element('span', 'asset', ` ${order.baseAsset}`));
        }
        const notional = element('td', 'num notional', formatCompact(order.notional));
        notional.title = `${groupThousands(order.notional)} USDT`;
        row.append(
            element('td', 'time', formatLocalTime(order.timestampMs)),
            side,
            quantity,
            element('td', 'num', groupThousands(order.avgPrice)),
            notional,
        );
        return row;
    }
}
