import { formatCompact, groupThousands } from '../model/decimal';
import { formatLocalDateTime } from '../model/format';
import type { Candle, VolumeBucket } from '../model/messages';
import type { ViewState } from '../model/url-state';
import { element } from './dom';

function shown(formatted: string | null, exact: string): string
{
    return formatted ?? formatCompact(exact);
}

/** The legend over the chart: the hovered (or latest) bar's candle and liquidation totals as the server sent them. */
export class LegendView
{
    private readonly title = element('div', 'legend-title');
    private readonly ohlc = element('div', 'legend-row legend-ohlc');
    private readonly liquidations = element('div', 'legend-row legend-liq');

    constructor(container: HTMLElement)
    {
        container.replaceChildren(this.title, this.ohlc, this.liquidations);
    }

    render(view: ViewState, timeSec: number | null, candle: Candle | undefined, bucket: VolumeBucket | undefined): void
    {
        const when = timeSec === null ? '' : formatLocalDateTime(timeSec * 1000);
        this.title.replaceChildren(
            element('span', 'legend-symbol', view.symbol),
            element('span', 'legend-tf', view.timeframe),
            element('span', 'legend-time', when),
        );
        this.ohlc.replaceChildren(
            ...(candle === undefined
                ? [element('span', 'legend-muted', 'no candle')]
                : [
                    this.field('O', groupThousands(candle.open)),
                    this.field('H', groupThousands(candle.high)),
                    this.field('L', groupThousands(candle.low)),
                    this.field('C', groupThousands(candle.close), Number(candle.close) >= Number(candle.open) ? 'up' : 'down'),
                ]),
        );
        const b = bucket;
        this.liquidations.replaceChildren(
            element('span', 'legend-label', 'Liquidations'),
            this.field('Shorts', b === undefined ? '–' : shown(b.buyFormatted, b.buy), 'shorts', 'legend-buy'),
            this.field('Longs', b === undefined ? '–' : shown(b.sellFormatted, b.sell), 'longs', 'legend-sell'),
            this.field('Total', b === undefined ? '–' : shown(b.totalFormatted, b.total), '', 'legend-total'),
            this.field('Δ', b === undefined ? '–' : shown(b.deltaFormatted, b.delta), '', 'legend-delta'),
            this.field('Count', b === undefined ? '–' : `${b.count} (${b.buyCount}/${b.sellCount})`, '', 'legend-count'),
        );
    }

    private field(label: string, value: string, tone = '', testId = ''): HTMLElement
    {
        const node = element('span', 'legend-field');
        if (testId !== '')
        {
            node.dataset.testid = testId;
        }
        node.append(element('span', 'legend-key', label), element('span', `legend-value ${tone}`.trim(), value));
        return node;
    }
}
