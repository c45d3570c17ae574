/** The market overview stream's message (docs/API.md §3.7) and the page's URL for it (?view=market&window=4h). */

export const MARKET_WINDOWS = ['1h', '4h', '12h', '24h'] as const;
export type MarketWindow = typeof MARKET_WINDOWS[number];
export type PageName = 'chart' | 'market';

export interface OverviewTotals
{
    readonly longVolume: string;
    readonly shortVolume: string;
    readonly totalVolume: string;
    readonly totalFormatted: string;
    readonly longCount: number;
    readonly shortCount: number;
    readonly count: number;
}

export interface OverviewRow extends OverviewTotals
{
    readonly symbol: string;
    /** The largest single liquidation's notional, or null. */
    readonly largestVolume: string | null;
}

export interface SizeClassRow
{
    readonly label: string;
    readonly count: number;
    readonly volume: string;
}

export interface MarketOverview
{
    readonly window: MarketWindow;
    readonly startMs: number;
    readonly endMs: number;
    readonly coverage: number;
    readonly market: OverviewTotals & { readonly symbols: number };
    readonly rows: readonly OverviewRow[];
    readonly distribution: readonly SizeClassRow[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json
{
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(json: Json, key: string): string
{
    const value = json[key];
    if (typeof value !== 'string')
    {
        throw new Error(`${key} is not a string`);
    }
    return value;
}

function count(json: Json, key: string): number
{
    const value = json[key];
    if (typeof value !== 'number' || !Number.isFinite(value))
    {
        throw new Error(`${key} is not a number`);
    }
    return value;
}

function totals(json: Json): OverviewTotals
{
    return {
        longVolume: text(json, 'long_volume'),
        shortVolume: text(json, 'short_volume'),
        totalVolume: text(json, 'total_volume'),
        totalFormatted: text(json, 'total_volume_formatted'),
        longCount: count(json, 'long_count'),
        shortCount: count(json, 'short_count'),
        count: count(json, 'count'),
    };
}

export function isMarketWindow(value: string): value is MarketWindow
{
    return (MARKET_WINDOWS as readonly string[]).includes(value);
}

/** A {@code market_overview} message, or null for anything else or anything malformed. */
export function parseOverview(message: string): MarketOverview | null
{
    try
    {
        const json: unknown = JSON.parse(message);
        if (!isObject(json) || json.type !== 'market_overview' || !isObject(json.market)
            || !Array.isArray(json.symbols) || !isObject(json.distribution) || !Array.isArray(json.distribution.classes))
        {
            return null;
        }
        const window = text(json, 'window');
        if (!isMarketWindow(window))
        {
            return null;
        }
        return {
            window,
            startMs: count(json, 'start_time'),
            endMs: count(json, 'end_time'),
            coverage: count(json, 'coverage'),
            market: { ...totals(json.market), symbols: count(json.market, 'symbols') },
            rows: json.symbols.filter(isObject).map((row) => ({
                ...totals(row),
                symbol: text(row, 'symbol'),
                largestVolume: isObject(row.largest) ? text(row.largest, 'volume') : null,
            })),
            distribution: json.distribution.classes.filter(isObject).map((sizeClass) => ({
                label: text(sizeClass, 'class'),
                count: count(sizeClass, 'count'),
                volume: text(sizeClass, 'volume'),
            })),
        };
    }
    catch
    {
        return null;
    }
}

/** Which page and window a URL's query asks for; anything unreadable is the chart and 1h. */
export function readPage(search: string): { readonly page: PageName; readonly window: MarketWindow }
{
    const params = new URLSearchParams(search);
    const window = params.get('window') ?? '';
    return {
        page: params.get('view') === 'market' ? 'market' : 'chart',
        window: isMarketWindow(window) ? window : '1h',
    };
}

/** The query for a page, keeping every other parameter (the chart's symbol and timeframe among them). */
export function writePage(search: string, page: PageName, window: MarketWindow): string
{
    const params = new URLSearchParams(search);
    if (page === 'market')
    {
        params.set('view', 'market');
        params.set('window', window);
    }
    else
    {
        params.delete('view');
        params.delete('window');
    }
    return `?${params.toString()}`;
}
