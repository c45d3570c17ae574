/**
 * The venues liquidations are recorded from (docs/API.md §9) and the page's selection of them: all, or any
 * non-empty subset, kept in the URL as ?exchange=binance,okx (absent for all, so a Binance-only page's URLs stay).
 */

export const VENUES = ['binance', 'bybit', 'okx'] as const;
export type Venue = typeof VENUES[number];

export const VENUE_LABELS: Readonly<Record<Venue, string>> = { binance: 'Binance', bybit: 'Bybit', okx: 'OKX' };
/** Three letters for the table's badge where the name does not fit. */
export const VENUE_SHORT: Readonly<Record<Venue, string>> = { binance: 'BIN', bybit: 'BYB', okx: 'OKX' };

export function isVenue(value: unknown): value is Venue
{
    return typeof value === 'string' && (VENUES as readonly string[]).includes(value);
}

/** A selection in the canonical order of VENUES, each at most once. */
function canonical(venues: Iterable<Venue>): Venue[]
{
    const chosen = new Set(venues);
    return VENUES.filter((venue) => chosen.has(venue));
}

/** The selection a URL's `exchange` parameter names; missing, `all` or anything unreadable is all of them. */
export function readVenues(search: string): readonly Venue[]
{
    const value = new URLSearchParams(search).get('exchange');
    if (value === null)
    {
        return VENUES;
    }
    const parts = value.toLowerCase().split(',').map((part) => part.trim());
    return parts.every(isVenue) && parts.length > 0 ? canonical(parts) : VENUES;
}

export function isAllVenues(venues: readonly Venue[]): boolean
{
    return canonical(venues).length === VENUES.length;
}

/** The `exchange` parameter's value for a selection, or null for all (the parameter is then left out). */
export function exchangeParam(venues: readonly Venue[]): string | null
{
    return isAllVenues(venues) ? null : canonical(venues).join(',');
}

/** A URL with the selection's `exchange` parameter appended (none for all). */
export function withExchange(url: string, venues: readonly Venue[]): string
{
    const value = exchangeParam(venues);
    return value === null ? url : `${url}${url.includes('?') ? '&' : '?'}exchange=${value}`;
}

/** Whether volume rows should be asked for per venue: more than one venue is selected. */
export function perVenue(venues: readonly Venue[]): boolean
{
    return canonical(venues).length > 1;
}

/**
 * The liquidations stream of a view: its timeframe's volume, for several venues each row with its venues' parts
 * (by_exchange=true), for a subset of venues their sum (exchange=).
 */
export function liquidationsStreamUrl(wsOrigin: string, symbol: string, timeframe: string, venues: readonly Venue[]): string
{
    const byVenue = perVenue(venues) ? '&by_exchange=true' : '';
    const path = `/api/v1/ws/liquidations/${encodeURIComponent(symbol)}?timeframe=${encodeURIComponent(timeframe)}${byVenue}`;
    return withExchange(`${wsOrigin}${path}`, venues);
}

/**
 * Whether the bars are stacked by venue: more than one selected venue is enabled on the gateway. The enabled venues
 * are those listing any symbol (null while not known: the selection's; none listed: a gateway from before venues).
 */
export function stacksByVenue(venues: readonly Venue[], enabled: readonly Venue[] | null): boolean
{
    return perVenue(enabled === null ? venues : venues.filter((venue) => enabled.includes(venue)));
}

/** The selection after a venue is switched; the last selected venue stays selected. */
export function toggleVenue(venues: readonly Venue[], venue: Venue): readonly Venue[]
{
    if (!venues.includes(venue))
    {
        return canonical([...venues, venue]);
    }
    const rest = venues.filter((selected) => selected !== venue);
    return rest.length === 0 ? venues : canonical(rest);
}

export function sameVenues(a: readonly Venue[], b: readonly Venue[]): boolean
{
    return canonical(a).join(',') === canonical(b).join(',');
}
