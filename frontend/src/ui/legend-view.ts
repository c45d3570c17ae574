import { coverageLabel, isUnrecorded, type BarCoverage } from '../model/coverage';
import { formatCompact, groupThousands } from '../model/decimal';
import { formatLocalDateTime } from '../model/format';
import type { Candle, VolumeBucket } from '../model/messages';
import type { ViewState } from '../model/url-state';
import { element } from './dom';

function shown(formatted: string | null, exact: string): string
{
    return formatted ?? formatCompact(exact);
}

/** The fields the legend drops first when its line is too narrow; the coverage and the close stay. */
const DROP_ORDER = ['.legend-delta', '.legend-open', '.legend-high', '.legend-low', '.legend-total', '.legend-count',
    '.legend-time', '.legend-tf', '.legend-symbol', '.legend-sell'];

/**
 * The one-line legend above the chart: the hovered (or latest) bar's candle and liquidation totals as the
 * server sent them, and whether that time was recorded. Where the line is too narrow it drops the less
 * important fields rather than wrap or clip.
 */
export class LegendView
{
    private readonly title = element('span', 'legend-group legend-title');
    private readonly ohlc = element('span', 'legend-group legend-ohlc');
    private readonly liquidations = element('span', 'legend-group legend-liq');
    private readonly coverage = element('span', 'legend-coverage');
    private readonly heatmapToggle = element('button', 'legend-toggle', 'realized liquidations');

    constructor(private readonly container: HTMLElement)
    {
        this.coverage.dataset.testid = 'legend-coverage';
        this.heatmapToggle.type = 'button';
        this.heatmapToggle.dataset.testid = 'heatmap-toggle';
        this.heatmapToggle.title = 'Realized liquidation heatmap: the notional liquidated per price level and bar, '
            + 'summed from recorded liquidations (not an estimate)';
        this.setHeatmapOn(false);
        container.replaceChildren(this.title, this.ohlc, this.liquidations, this.coverage, this.heatmapToggle);
        new ResizeObserver(() => this.fit()).observe(container);
    }

    render(view: ViewState, timeSec: number | null, candle: Candle | undefined, bucket: VolumeBucket | undefined, coverage: BarCoverage): void
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
                    this.field('O', groupThousands(candle.open), '', '', 'legend-open'),
                    this.field('H', groupThousands(candle.high), '', '', 'legend-high'),
                    this.field('L', groupThousands(candle.low), '', '', 'legend-low'),
                    this.field('C', groupThousands(candle.close), Number(candle.close) >= Number(candle.open) ? 'up' : 'down', '', 'close'),
                ]),
        );
        const b = bucket;
        const unrecorded = isUnrecorded(coverage) && (b === undefined || b.count === 0);
        this.liquidations.hidden = unrecorded;
        if (!unrecorded)
        {
            this.liquidations.replaceChildren(
                this.field('Shorts', b === undefined ? '–' : shown(b.buyFormatted, b.buy), 'shorts', 'legend-buy'),
                this.field('Longs', b === undefined ? '–' : shown(b.sellFormatted, b.sell), 'longs', 'legend-sell', 'legend-sell'),
                this.field('Total', b === undefined ? '–' : shown(b.totalFormatted, b.total), '', 'legend-total', 'legend-total'),
                this.field('Δ', b === undefined ? '–' : shown(b.deltaFormatted, b.delta), '', 'legend-delta', 'legend-delta'),
                this.field('Count', b === undefined ? '–' : `${b.count} (${b.buyCount}/${b.sellCount})`, '', 'legend-count', 'legend-count'),
            );
        }
        const unknownZero = coverage.fraction === null && b !== undefined && b.count === 0;
        this.coverage.textContent = unknownZero ? 'coverage unknown' : coverageLabel(coverage);
        this.fit();
    }

    /** Calls back when the user switches the realized heatmap on or off. */
    onHeatmapToggle(callback: () => void): void
    {
        this.heatmapToggle.addEventListener('click', callback);
    }

    setHeatmapOn(on: boolean): void
    {
        this.heatmapToggle.setAttribute('aria-pressed', String(on));
    }

    /** Drops fields in DROP_ORDER until the line fits its box. */
    private fit(): void
    {
        for (const dropped of Array.from(this.container.querySelectorAll('.dropped')))
        {
            dropped.classList.remove('dropped');
        }
        for (const selector of DROP_ORDER)
        {
            if (this.container.scrollWidth <= this.container.clientWidth)
            {
                return;
            }
            this.container.querySelector(selector)?.classList.add('dropped');
        }
    }

    private field(label: string, value: string, tone = '', testId = '', className = ''): HTMLElement
    {
        const node = element('span', `legend-field ${className}`.trim());
        if (testId !== '')
        {
            node.dataset.testid = testId;
        }
        node.append(element('span', 'legend-key', label), element('span', `legend-value ${tone}`.trim(), value));
        return node;
    }
}
