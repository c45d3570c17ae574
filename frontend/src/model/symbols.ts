import { isVenue, VENUES, type Venue } from './venues';

export interface SymbolEntry
{
    readonly symbol: string;
    readonly baseAsset: string;
    /** The enabled venues that list it (docs/API.md §9); empty from a server that does not say. */
    readonly exchanges: readonly Venue[];
}

function readEntry(value: unknown): SymbolEntry | null
{
    if (typeof value === 'string')
    {
        return { symbol: value.toUpperCase(), baseAsset: '', exchanges: [] };
    }
    if (typeof value !== 'object' || value === null)
    {
        return null;
    }
    const record = value as Record<string, unknown>;
    const status = record.status;
    if (typeof record.symbol !== 'string' || (typeof status === 'string' && status !== 'TRADING'))
    {
        return null;
    }
    const listed = Array.isArray(record.exchanges) ? record.exchanges.filter(isVenue) : [];
    return {
        symbol: record.symbol.toUpperCase(),
        baseAsset: typeof record.baseAsset === 'string' ? record.baseAsset : '',
        exchanges: VENUES.filter((venue) => listed.includes(venue)),
    };
}

/** The /api/v1/symbols answer: an array of entries, or an object holding one under "symbols" or "data". */
export function parseSymbols(json: unknown): SymbolEntry[]
{
    const list = Array.isArray(json)
        ? json
        : typeof json === 'object' && json !== null
            ? ((json as Record<string, unknown>).symbols ?? (json as Record<string, unknown>).data)
            : null;
    if (!Array.isArray(list))
    {
        return [];
    }
    const seen = new Set<string>();
    const entries: SymbolEntry[] = [];
    for (const element of list)
    {
        const entry = readEntry(element);
        if (entry !== null && !seen.has(entry.symbol))
        {
            seen.add(entry.symbol);
            entries.push(entry);
        }
    }
    return entries.sort((a, b) => a.symbol.localeCompare(b.symbol));
}

/** Symbols matching a search: those starting with it first, then those containing it. */
export function filterSymbols(entries: readonly SymbolEntry[], query: string, limit: number): SymbolEntry[]
{
    const needle = query.trim().toUpperCase();
    if (needle === '')
    {
        return entries.slice(0, limit);
    }
    const starting = entries.filter((e) => e.symbol.startsWith(needle) || e.baseAsset.toUpperCase() === needle);
    const containing = entries.filter((e) => !starting.includes(e) && e.symbol.includes(needle));
    return [...starting, ...containing].slice(0, limit);
}

/** The venues listing any of the symbols: the gateway's enabled venues (none from a gateway from before venues). */
export function listedVenues(entries: readonly SymbolEntry[]): Venue[]
{
    return VENUES.filter((venue) => entries.some((entry) => entry.exchanges.includes(venue)));
}
