import { parseTimeframe, type Timeframe } from './timeframes';
import { exchangeParam, readVenues, sameVenues, VENUES, type Venue } from './venues';

export interface ViewState
{
    readonly symbol: string;
    readonly timeframe: Timeframe;
    /** The venues shown, summed (docs/API.md §9); all of them unless the URL names some. */
    readonly venues: readonly Venue[];
}

export const DEFAULT_VIEW: ViewState = { symbol: 'BTCUSDT', timeframe: '1m', venues: VENUES };

const SYMBOL = /^[A-Z0-9_]{2,32}$/;

/**
 * The view a URL's query asks for (?symbol=ETHUSDT&tf=5m&exchange=binance,okx, or a custom tf=10m in its largest
 * unit); anything unreadable falls back to the default.
 */
export function readViewState(search: string): ViewState
{
    const params = new URLSearchParams(search);
    const symbol = (params.get('symbol') ?? '').trim().toUpperCase();
    const timeframe = (params.get('tf') ?? '').trim();
    return {
        symbol: SYMBOL.test(symbol) ? symbol : DEFAULT_VIEW.symbol,
        timeframe: parseTimeframe(timeframe) ?? DEFAULT_VIEW.timeframe,
        venues: readVenues(search),
    };
}

/** The query for a view, keeping any other parameters of the current one. */
export function writeViewState(search: string, view: ViewState): string
{
    const params = new URLSearchParams(search);
    params.set('symbol', view.symbol);
    params.set('tf', view.timeframe);
    const exchange = exchangeParam(view.venues);
    if (exchange === null)
    {
        params.delete('exchange');
    }
    else
    {
        params.set('exchange', exchange);
    }
    return `?${params.toString()}`;
}

export function sameView(a: ViewState, b: ViewState): boolean
{
    return a.symbol === b.symbol && a.timeframe === b.timeframe && sameVenues(a.venues, b.venues);
}
