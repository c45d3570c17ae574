import { describe, expect, it } from 'vitest';
import { authHeaders, socketProtocols, takeToken, TOKEN_KEY, type TokenStorage } from './access-token';

function memoryStorage(initial: Record<string, string> = {}): TokenStorage & { items: Record<string, string> }
{
    const items = { ...initial };
    return {
        items,
        getItem: (key) => items[key] ?? null,
        setItem: (key, value) => { items[key] = value; },
        removeItem: (key) => { delete items[key]; },
    };
}

describe('takeToken', () =>
{
    it('should store the fragment token and remove it from the fragment', () =>
    {
        const storage = memoryStorage();
        const taken = takeToken('#token=desk-token-0123456789&x=1', storage);
        expect(taken).toEqual({ token: 'desk-token-0123456789', hash: '#x=1' });
        expect(storage.items[TOKEN_KEY]).toBe('desk-token-0123456789');
    });

    it('should fall back to the stored token', () =>
    {
        const storage = memoryStorage({ [TOKEN_KEY]: 'stored-token-0123456789' });
        expect(takeToken('', storage)).toEqual({ token: 'stored-token-0123456789', hash: '' });
    });

    it('should have no token when neither gives one', () =>
    {
        expect(takeToken('#token=', memoryStorage()).token).toBeNull();
    });
});

describe('headers and protocols', () =>
{
    it('should send the token as bearer and as subprotocol', () =>
    {
        expect(authHeaders('abc')).toEqual({ Authorization: 'Bearer abc' });
        expect(socketProtocols('abc')).toEqual(['liqvol.token.abc']);
        expect(authHeaders(null)).toEqual({});
        expect(socketProtocols(null)).toEqual([]);
    });
});
