import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Backoff } from '../model/backoff';
import { ReconnectingSocket, type SocketLike, type SocketState } from './reconnecting-socket';

class FakeSocket implements SocketLike
{
    readyState = 0;
    onopen: ((event: Event) => void) | null = null;
    onmessage: ((event: MessageEvent) => void) | null = null;
    onclose: ((event: CloseEvent) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    readonly sent: string[] = [];
    closedWith: number | null = null;

    send(data: string): void
    {
        this.sent.push(data);
    }

    close(code?: number): void
    {
        this.closedWith = code ?? 1000;
        this.readyState = 3;
    }

    open(): void
    {
        this.readyState = 1;
        this.onopen?.({} as Event);
    }

    receive(data: string): void
    {
        this.onmessage?.({ data } as MessageEvent);
    }

    serverClose(code: number): void
    {
        this.readyState = 3;
        this.onclose?.({ code } as CloseEvent);
    }
}

describe('ReconnectingSocket', () =>
{
    let sockets: FakeSocket[];
    let states: SocketState[];
    let messages: string[];
    let opens: number;

    beforeEach(() =>
    {
        vi.useFakeTimers();
        sockets = [];
        states = [];
        messages = [];
        opens = 0;
    });

    afterEach(() =>
    {
        vi.useRealTimers();
    });

    function start(): ReconnectingSocket
    {
        const socket = new ReconnectingSocket(
            'ws://test',
            { onOpen: () => opens++, onMessage: (m) => messages.push(m), onState: (s) => states.push(s) },
            new Backoff({ initialMs: 1000, maxMs: 8000, healthyAfterMs: 30_000 }, () => 1),
            () =>
            {
                const fake = new FakeSocket();
                sockets.push(fake);
                return fake;
            },
            { pingEveryMs: 20_000, staleAfterMs: 75_000 },
            () => Date.now(),
        );
        socket.start();
        return socket;
    }

    it('should pass messages on and send only while open', () =>
    {
        const socket = start();
        expect(socket.send({ type: 'ping' })).toBe(false);
        sockets[0].open();
        sockets[0].receive('{"type":"pong"}');
        expect(socket.send({ type: 'range', start: 1, end: 2 })).toBe(true);
        expect(messages).toEqual(['{"type":"pong"}']);
        expect(sockets[0].sent).toEqual(['{"type":"range","start":1,"end":2}']);
        expect(opens).toBe(1);
    });

    it('should reconnect after a close with growing delays', () =>
    {
        start();
        sockets[0].open();
        sockets[0].serverClose(1006);
        expect(states.at(-1)).toMatchObject({ kind: 'waiting', attempt: 1 });
        vi.advanceTimersByTime(999);
        expect(sockets).toHaveLength(1);
        vi.advanceTimersByTime(1);
        expect(sockets).toHaveLength(2);
        sockets[1].open();
        sockets[1].serverClose(1001);
        vi.advanceTimersByTime(1999);
        expect(sockets).toHaveLength(2);
        vi.advanceTimersByTime(1);
        expect(sockets).toHaveLength(3);
    });

    it('should connect at once when asked to retry now, and only while waiting', () =>
    {
        const socket = start();
        socket.retryNow();
        expect(sockets).toHaveLength(1);
        sockets[0].open();
        sockets[0].serverClose(1006);
        socket.retryNow();
        expect(sockets).toHaveLength(2);
        expect(states.at(-1)).toMatchObject({ kind: 'connecting' });
        vi.advanceTimersByTime(60_000);
        expect(sockets).toHaveLength(2);
    });

    it('should stop for good after the server rejected the request', () =>
    {
        const socket = start();
        sockets[0].open();
        socket.noteError('unknown_symbol', 'unknown symbol FOO');
        sockets[0].serverClose(1008);
        vi.advanceTimersByTime(60_000);
        expect(sockets).toHaveLength(1);
        expect(states.at(-1)).toEqual({ kind: 'failed', code: 'unknown_symbol', reason: 'unknown symbol FOO' });
    });

    it('should ping and drop a connection that went silent', () =>
    {
        start();
        sockets[0].open();
        vi.advanceTimersByTime(20_000);
        expect(sockets[0].sent).toEqual(['{"type":"ping"}']);
        vi.advanceTimersByTime(60_000);
        expect(sockets[0].closedWith).toBe(4000);
        expect(states.at(-1)).toMatchObject({ kind: 'waiting' });
    });

    it('should not reconnect once closed', () =>
    {
        const socket = start();
        sockets[0].open();
        socket.close();
        expect(sockets[0].closedWith).toBe(1000);
        vi.advanceTimersByTime(60_000);
        expect(sockets).toHaveLength(1);
        expect(states.at(-1)).toEqual({ kind: 'closed' });
    });
});
