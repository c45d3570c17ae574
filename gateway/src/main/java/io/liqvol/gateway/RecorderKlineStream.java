package io.liqvol.gateway;

import io.liqvol.gateway.server.Candle;
import io.liqvol.gateway.server.MarketData;

import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One symbol's live candles of an interval from a recorder's {@code /api/v1/ws/klines/{symbol}} stream, relayed to
 * an edge's clients; when the stream ends or fails it reconnects after {@link #RECONNECT_DELAY_MS}, to the next
 * recorder if that one is down, until closed.
 */
final class RecorderKlineStream implements WebSocket.Listener, AutoCloseable
{
    static final long RECONNECT_DELAY_MS = 1_000L;

    private final RecorderApi api;
    private final String pathAndQuery;
    private final MarketData.CandleListener listener;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile boolean closed;

    RecorderKlineStream(
        final RecorderApi api, final String symbol, final String interval, final MarketData.CandleListener listener)
    {
        this.api = api;
        this.pathAndQuery = "/api/v1/ws/klines/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + "?timeframe="
            + URLEncoder.encode(interval, StandardCharsets.UTF_8);
        this.listener = listener;
    }

    void connect()
    {
        api.webSocket(pathAndQuery, this).whenComplete((connected, failure) ->
        {
            if (failure != null)
            {
                reconnectLater();
                return;
            }
            socket = connected;
            if (closed)
            {
                connected.abort();
            }
        });
    }

    @Override
    public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
    {
        partial.append(data);
        if (last)
        {
            final Candle candle = RecorderJson.kline(partial.toString());
            partial.setLength(0);
            if (candle != null)
            {
                listener.onCandle(candle);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
    {
        reconnectLater();
        return null;
    }

    @Override
    public void onError(final WebSocket webSocket, final Throwable error)
    {
        reconnectLater();
    }

    @Override
    public void close()
    {
        closed = true;
        final WebSocket open = socket;
        if (open != null)
        {
            open.abort();
        }
    }

    private void reconnectLater()
    {
        if (!closed)
        {
            partial.setLength(0);
            CompletableFuture.delayedExecutor(RECONNECT_DELAY_MS, TimeUnit.MILLISECONDS).execute(this::connect);
        }
    }
}
