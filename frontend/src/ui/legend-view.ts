import { coverageLabel, isUnrecorded, type BarCoverage } from '../model/coverage';
import { divideDecimal, formatCompact, groupThousands } from '../model/decimal';
import { formatLocalDateTime } from '../model/format';
import type { Candle, VolumeBucket } from '../model/messages';
import { AVERAGE_BAR_CHOICES, NO_TRENDS, type TrendSettings } from '../model/trends';
import type { ViewState } from '../model/url-state';
import { venueStack } from '../model/venue-stack';
import { VENUE_LABELS, VENUE_SHORT, type Venue } from '../model/venues';
import { element } from './dom';

function shown(formatted: string | null, exact: string): string
{
    return formatted ?? formatCompact(exact);
}

/**
 * The fields the legend drops first when its line is too narrow; the trend toggles go last (on a phone's width), the
 * coverage and the close stay.
 */
const DROP_ORDER = ['.legend-venues', '.legend-ratio', '.legend-delta', '.legend-open', '.legend-high', '.legend-low', '.legend-total', '.legend-count',
    '.legend-time', '.legend-tf', '.legend-symbol', '.legend-sell', '.legend-average-bars', '.legend-trends'];

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
    private readonly venues = element('span', 'legend-group legend-venues');
    private readonly coverage = element('span', 'legend-coverage');
    private readonly trendToggles = element('span', 'legend-group legend-trends');
    private readonly averageBars = element('select', 'legend-average-bars');
    private trends: TrendSettings = NO_TRENDS;
    private stackByVenue = true;
    private onTrends: (settings: TrendSettings) => void = () => undefined;
    private readonly heatmapToggle = element('button', 'legend-toggle', 'realized liquidations');

    constructor(private readonly container: HTMLElement)
    {
        this.coverage.dataset.testid = 'legend-coverage';
        this.buildTrendToggles();
        this.heatmapToggle.type = 'button';
        this.heatmapToggle.dataset.testid = 'heatmap-toggle';
        this.heatmapToggle.title = 'Realized liquidation heatmap: the notional liquidated per price level and bar, '
            + 'summed from recorded liquidations (not an estimate)';
        this.setHeatmapOn(false);
        this.trendToggles.append(this.heatmapToggle);
        container.replaceChildren(this.title, this.ohlc, this.liquidations, this.venues, this.coverage, this.trendToggles);
        new ResizeObserver(() => this.fit()).observe(container);
    }

    /** Calls back whenever a trend view is switched on or off, or the average's length changes. */
    onTrendsChange(callback: (settings: TrendSettings) => void): void
    {
        this.onTrends = callback;
    }

    get trendSettings(): TrendSettings
    {
        return this.trends;
    }

    private buildTrendToggles(): void
    {
        const toggles: ReadonlyArray<readonly [keyof TrendSettings, string, string, string]> = [
            ['delta', 'Δ', 'trend-delta', 'Delta (shorts − longs liquidated) as its own histogram'],
            ['cumulativeDelta', 'ΣΔ', 'trend-cumulative-delta', 'Cumulative delta over the visible range'],
            ['average', 'MA', 'trend-average', 'Moving average of total liquidation volume'],
            ['ratio', 'L/S', 'trend-ratio', 'Long/short ratio: longs liquidated over shorts liquidated'],
        ];
        for (const [key, label, testId, title] of toggles)
        {
            const button = element('button', 'legend-toggle', label);
            button.type = 'button';
            button.title = title;
            button.dataset.testid = testId;
            button.setAttribute('aria-pressed', 'false');
            button.addEventListener('click', () =>
            {
                const on = !(this.trends[key] as boolean);
                button.setAttribute('aria-pressed', String(on));
                this.changeTrends({ ...this.trends, [key]: on });
            });
            this.trendToggles.append(button);
            if (key === 'average')
            {
                this.trendToggles.append(this.averageBars);
            }
        }
        for (const bars of AVERAGE_BAR_CHOICES)
        {
            const option = element('option', '', String(bars));
            option.value = String(bars);
            this.averageBars.append(option);
        }
        this.averageBars.value = String(NO_TRENDS.averageBars);
        this.averageBars.title = 'Bars in the moving average';
        this.averageBars.setAttribute('aria-label', 'Bars in the moving average');
        this.averageBars.dataset.testid = 'trend-average-bars';
        this.averageBars.addEventListener('change',
            () => this.changeTrends({ ...this.trends, averageBars: Number(this.averageBars.value) }));
    }

    private changeTrends(settings: TrendSettings): void
    {
        this.trends = settings;
        this.onTrends(settings);
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
                ...(this.trends.ratio
                    ? [this.field('L/S', b === undefined ? '–' : divideDecimal(b.sell, b.buy, 2) ?? '–', '', 'legend-ratio', 'legend-ratio')]
                    : []),
            );
        }
        const stack = b === undefined || unrecorded || !this.stackByVenue ? null : venueStack(b);
        this.venues.hidden = stack === null || stack.length === 0;
        this.venues.replaceChildren(...(stack ?? []).map((segment) => this.venueField(segment.venue, segment.volume)));
        const unknownZero = coverage.fraction === null && b !== undefined && b.count === 0;
        this.coverage.textContent = unknownZero ? 'coverage unknown' : coverageLabel(coverage);
        this.fit();
    }

    /** Whether the bars are stacked by venue, so the hovered bar's venues are shown (from the next render). */
    setVenueStacking(on: boolean): void
    {
        this.stackByVenue = on;
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

    /** A venue's part of the bar, keyed by its colour as the bars are. */
    private venueField(venue: Venue, volume: string): HTMLElement
    {
        const node = element('span', 'legend-field legend-venue');
        node.dataset.venue = venue;
        node.title = VENUE_LABELS[venue];
        node.append(element('i', `swatch ${venue}`), element('span', 'legend-key', VENUE_SHORT[venue]), element('span', 'legend-value', formatCompact(volume)));
        return node;
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

/** The chart key's colour per venue, shown while the bars are stacked by venue. */
export function renderVenueKey(key: HTMLElement, venues: readonly Venue[], stacked: boolean): void
{
    key.hidden = !stacked;
    key.replaceChildren(...venues.map((venue) =>
    {
        const item = element('span', 'venue-key-item');
        item.append(element('i', `swatch ${venue}`), VENUE_LABELS[venue]);
        return item;
    }));
}
