/**
 * The API token the page sends when the gateway requires one (docs/API.md §5). It comes from the URL fragment
 * (`#token=...`, which never reaches the server and is removed from the address bar at once) or from the form the
 * page shows after a 401, and is kept in localStorage. REST requests carry it as `Authorization: Bearer`, sockets
 * as the subprotocol `liqvol.token.<token>` (a browser cannot set headers on a WebSocket).
 */
export const TOKEN_KEY = 'liqvol.apiToken';
const SUBPROTOCOL_PREFIX = 'liqvol.token.';

export interface TokenStorage
{
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
}

/** The fragment's token if it has one (stored, and the fragment returned without it), else the stored token. */
export function takeToken(hash: string, storage: TokenStorage): { token: string | null; hash: string }
{
    const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
    const fromFragment = params.get('token');
    if (fromFragment !== null && fromFragment.trim() !== '')
    {
        storage.setItem(TOKEN_KEY, fromFragment.trim());
        params.delete('token');
        const rest = params.toString();
        return { token: fromFragment.trim(), hash: rest === '' ? '' : `#${rest}` };
    }
    return { token: storage.getItem(TOKEN_KEY), hash };
}

export function authHeaders(token: string | null): Record<string, string>
{
    return token === null ? {} : { Authorization: `Bearer ${token}` };
}

export function socketProtocols(token: string | null): string[]
{
    return token === null ? [] : [`${SUBPROTOCOL_PREFIX}${token}`];
}
