import { formatCompact } from '../model/decimal';
import { barShares, marketVolumePath, parseMarketVolume, type MarketVolume } from '../model/market-volume';
import { parseOverview, type MarketOverview, type MarketWindow } from '../model/overview';
import type { SymbolEntry } from '../model/symbols';
import { sameVenues, VENUE_LABELS, VENUE_SHORT, withExchange, type Venue } from '../model/venues';
import { ReconnectingSocket, type SocketState } from '../net/reconnecting-socket';
import { element } from './dom';

export interface MarketElements
{
    readonly root: HTMLElement;
    readonly totals: HTMLElement;
    readonly rows: HTMLElement;
    readonly distribution: HTMLElement;
    readonly histogram: HTMLElement;
    readonly state: HTMLElement;
    readonly windows: HTMLSelectElement;
}

export interface MarketOrigins
{
    readonly ws: string;
    readonly openSocket: (url: string) => WebSocket;
    /** A REST answer of the gateway as JSON (with the page's token), rejecting on an error status. */
    readonly getJson: (path: string) => Promise<unknown>;
}

/** The histogram is fetched again at most this often while the overview streams. */
const HISTOGRAM_REFRESH_MS = 2_000;

/**
 * The market page: totals, the symbols ranked by liquidated notional (a row opens its chart) and the size
 * distribution, live from the overview stream (docs/API.md §3.7) while the page is shown, and the market's long/short
 * histogram over the window from REST (§4.14), fetched again as the overview moves on.
 */
export class MarketView
{
    private socket: ReconnectingSocket | null = null;
    private latest: MarketOverview | null = null;
    private volume: MarketVolume | null = null;
    private histogramFetchedMs = 0;
    private histogramInFlight = false;
    private venues: readonly Venue[] = [];
    /** The venues listing each symbol, from /api/v1/symbols. */
    private listings = new Map<string, readonly Venue[]>();

    constructor(
        private readonly parts: MarketElements,
        private readonly origins: MarketOrigins,
        private readonly onSymbol: (symbol: string) => void,
    )
    {
        parts.rows.addEventListener('click', (event) => this.openRow(event.target));
        parts.rows.addEventListener('keydown', (event) =>
        {
            if (event.key === 'Enter')
            {
                this.openRow(event.target);
            }
        });
    }

    /** Shows the page for a window and venues and streams it; a shown page with another window or venues reconnects. */
    show(window: MarketWindow, venues: readonly Venue[]): void
    {
        this.parts.root.hidden = false;
        this.parts.windows.value = window;
        if (this.socket !== null && this.latest?.window === window && sameVenues(this.venues, venues))
        {
            return;
        }
        this.stop();
        this.venues = venues;
        const socket = new ReconnectingSocket(withExchange(`${this.origins.ws}/api/v1/ws/overview?window=${window}`, venues), {
            onOpen: () => undefined,
            onMessage: (text) => this.onMessage(text),
            onState: (state) => this.onState(state),
        }, undefined, this.origins.openSocket);
        this.socket = socket;
        socket.start();
    }

    /** The symbol listing: which venues list each symbol, for the rows' venue column. */
    setSymbols(symbols: readonly SymbolEntry[]): void
    {
        this.listings = new Map(symbols.map((entry) => [entry.symbol, entry.exchanges]));
        if (this.latest !== null)
        {
            this.renderRows(this.latest);
        }
    }

    hide(): void
    {
        this.parts.root.hidden = true;
        this.stop();
    }

    /** What the page shows, for the end-to-end tests. */
    inspect(): MarketOverview | null
    {
        return this.latest;
    }

    /** The histogram the page draws, for the end-to-end tests. */
    inspectVolume(): MarketVolume | null
    {
        return this.volume;
    }

    private stop(): void
    {
        this.socket?.close();
        this.socket = null;
        this.latest = null;
        this.volume = null;
        this.histogramFetchedMs = 0;
    }

    private onState(state: SocketState): void
    {
        this.parts.state.dataset.state = state.kind;
        this.parts.state.textContent = state.kind === 'open' ? 'live' : state.kind;
    }

    private onMessage(text: string): void
    {
        const overview = parseOverview(text);
        if (overview === null)
        {
            return;
        }
        this.latest = overview;
        this.renderTotals(overview);
        this.renderRows(overview);
        this.renderDistribution(overview);
        this.refreshHistogram(overview);
    }

    private refreshHistogram(overview: MarketOverview): void
    {
        const nowMs = Date.now();
        const stale = this.volume === null || this.volume.endMs !== overview.endMs
            || nowMs - this.histogramFetchedMs >= HISTOGRAM_REFRESH_MS;
        if (this.histogramInFlight || !stale)
        {
            return;
        }
        this.histogramInFlight = true;
        this.histogramFetchedMs = nowMs;
        this.origins.getJson(withExchange(marketVolumePath(overview.window, overview.startMs, overview.endMs),
            this.venues))
            .then((json) =>
            {
                const volume = parseMarketVolume(json);
                if (volume !== null && this.latest?.window === overview.window)
                {
                    this.volume = volume;
                    this.renderHistogram(volume);
                }
            })
            .catch(() => undefined)
            .finally(() =>
            {
                this.histogramInFlight = false;
            });
    }

    private renderHistogram(volume: MarketVolume): void
    {
        const shares = barShares(volume.bars);
        this.parts.histogram.replaceChildren(...volume.bars.map((entry, index) =>
        {
            const column = element('div', 'market-bar');
            column.dataset.timeMs = String(entry.timeMs);
            column.title = `${new Date(entry.timeMs).toISOString().slice(11, 16)} UTC · longs `
                + `${formatCompact(entry.longVolume)} · shorts ${formatCompact(entry.shortVolume)} · ${entry.count}`;
            const shorts = element('span', 'market-bar-shorts');
            shorts.style.height = `${100 * shares[index].short}%`;
            const longs = element('span', 'market-bar-longs');
            longs.style.height = `${100 * shares[index].long}%`;
            column.append(shorts, longs);
            return column;
        }));
    }

    private renderTotals(overview: MarketOverview): void
    {
        const market = overview.market;
        const items: [string, string, string][] = [
            ['Total', formatCompact(market.totalVolume), `${market.count} liquidations`],
            ['Longs liquidated', formatCompact(market.longVolume), `${market.longCount}`],
            ['Shorts liquidated', formatCompact(market.shortVolume), `${market.shortCount}`],
            ['Symbols', String(market.symbols), `coverage ${(overview.coverage * 100).toFixed(2)} %`],
        ];
        this.parts.totals.replaceChildren(...items.map(([label, value, note]) =>
        {
            const box = element('div', 'market-total');
            box.append(element('span', 'label', label), element('strong', 'value', value), element('span', 'note', note));
            return box;
        }));
    }

    private renderRows(overview: MarketOverview): void
    {
        this.parts.rows.replaceChildren(...overview.rows.map((row, index) =>
        {
            const tr = element('tr', 'market-row');
            tr.dataset.symbol = row.symbol;
            tr.tabIndex = 0;
            tr.title = `Open the ${row.symbol} chart`;
            tr.append(
                element('td', 'num rank', String(index + 1)),
                this.symbolCell(row.symbol),
                element('td', 'num total', formatCompact(row.totalVolume)),
                element('td', 'num longs', formatCompact(row.longVolume)),
                element('td', 'num shorts', formatCompact(row.shortVolume)),
                element('td', 'num count', String(row.count)),
                element('td', 'num', row.largestVolume === null ? '–' : formatCompact(row.largestVolume)),
            );
            return tr;
        }));
    }

    /** The symbol and, as short badges beside it, the selected venues that list it (none where the server does not say). */
    private symbolCell(symbol: string): HTMLElement
    {
        const cell = element('td', 'symbol', symbol);
        const listed = (this.listings.get(symbol) ?? []).filter((venue) => this.venues.includes(venue));
        const venues = element('span', 'venues');
        venues.dataset.venues = listed.join(',');
        venues.append(...listed.map((venue) =>
        {
            const badge = element('span', `venue-badge ${venue}`, VENUE_SHORT[venue]);
            badge.title = VENUE_LABELS[venue];
            return badge;
        }));
        cell.append(venues);
        return cell;
    }

    private renderDistribution(overview: MarketOverview): void
    {
        const largest = Math.max(1, ...overview.distribution.map((sizeClass) => Number(sizeClass.volume)));
        this.parts.distribution.replaceChildren(...overview.distribution.map((sizeClass) =>
        {
            const line = element('div', 'size-class');
            line.dataset.sizeClass = sizeClass.label;
            const bar = element('span', 'size-bar');
            bar.style.width = `${(100 * Number(sizeClass.volume)) / largest}%`;
            const track = element('span', 'size-track');
            track.append(bar);
            line.append(element('span', 'size-label', sizeClass.label), track,
                element('span', 'size-value', `${formatCompact(sizeClass.volume)} · ${sizeClass.count}`));
            return line;
        }));
    }

    private openRow(target: EventTarget | null): void
    {
        const row = target instanceof Element ? target.closest<HTMLElement>('tr[data-symbol]') : null;
        if (row?.dataset.symbol !== undefined)
        {
            this.onSymbol(row.dataset.symbol);
        }
    }
}
