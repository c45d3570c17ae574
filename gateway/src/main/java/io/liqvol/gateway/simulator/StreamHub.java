package io.liqvol.gateway.simulator;

import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Who receives which stream, and the control protocol that changes it. Everything here runs on the single
 * market executor, so a push, a subscription change and a close are totally ordered: a frame written to a
 * connection before its close answer is delivered before it, which is what makes a graceful rotation lossless.
 */
final class StreamHub
{
    private final SimulatorConfig config;
    private final MarketGenerator market;
    private final SimulatorCounters counters;
    private final LongSupplier clockMs;
    private final Set<SimulatorSession> sessions = new LinkedHashSet<>();
    private final Map<String, Set<SimulatorSession>> subscribers = new HashMap<>();

    StreamHub(final SimulatorConfig config, final MarketGenerator market, final SimulatorCounters counters,
        final LongSupplier clockMs)
    {
        this.config = config;
        this.market = market;
        this.counters = counters;
        this.clockMs = clockMs;
    }

    void open(final SimulatorSession session, final List<String> streams)
    {
        sessions.add(session);
        for (final String stream : streams)
        {
            subscribe(session, stream);
        }
    }

    /** Forgets the session; nothing is pushed to it afterwards. */
    void remove(final SimulatorSession session)
    {
        if (sessions.remove(session))
        {
            for (final String stream : session.streams())
            {
                unsubscribeIndex(session, stream);
            }
            session.streams().clear();
        }
    }

    /** Removes the session, then answers or sends a close frame and closes the connection after it. */
    void closeGracefully(final SimulatorSession session, final WebSocketCloseStatus status)
    {
        remove(session);
        session.channel().writeAndFlush(new CloseWebSocketFrame(status))
            .addListener(ChannelFutureListener.CLOSE);
    }

    /** Removes every session and drops its connection without a close frame, like a network failure. */
    void dropAll()
    {
        for (final SimulatorSession session : new ArrayList<>(sessions))
        {
            remove(session);
            session.channel().close();
        }
    }

    /** Stops reading and pushing on every connection, which stay open: a hung exchange. */
    void stallAll()
    {
        for (final SimulatorSession session : new ArrayList<>(sessions))
        {
            remove(session);
            session.channel().config().setAutoRead(false);
        }
    }

    void control(final SimulatorSession session, final String text)
    {
        if (!sessions.contains(session))
        {
            return;
        }
        counters.increment(SimulatorCounters.CONTROL_MESSAGES);
        final ControlRequest request;
        try
        {
            request = ControlRequest.parse(text);
        }
        catch (final IllegalArgumentException ex)
        {
            reject(session, 3, ex.getMessage(), "null");
            return;
        }
        switch (request.method())
        {
            case "SUBSCRIBE" -> subscribeAll(session, request);
            case "UNSUBSCRIBE" ->
            {
                for (final String stream : request.params())
                {
                    if (session.streams().remove(stream))
                    {
                        unsubscribeIndex(session, stream);
                    }
                }
                answer(session, "null", request.idJson());
            }
            case "LIST_SUBSCRIPTIONS" -> answer(session, listOf(session.streams()), request.idJson());
            default -> reject(session, 2, "Invalid request: unknown method " + request.method(), request.idJson());
        }
    }

    void publishLiquidation(final SimulatedLiquidation liquidation, final long eventTimeMs)
    {
        counters.increment(SimulatorCounters.LIQUIDATIONS_PUBLISHED);
        final String event = liquidation.toEventJson(eventTimeMs);
        publish(StreamName.forceOrderOf(liquidation.symbol()), event);
        publish(StreamName.ALL_FORCE_ORDERS, event);
    }

    /** Pushes an event, as-is, to every subscriber of the stream. */
    void publish(final String stream, final String event)
    {
        final Set<SimulatorSession> receivers = subscribers.get(stream);
        if (receivers == null)
        {
            return;
        }
        String combined = null;
        for (final SimulatorSession session : receivers)
        {
            final String frame;
            if (session.combined())
            {
                if (combined == null)
                {
                    combined = "{\"stream\":\"" + stream + "\",\"data\":" + event + '}';
                }
                frame = combined;
            }
            else
            {
                frame = event;
            }
            counters.increment(SimulatorCounters.FRAMES_SENT);
            session.channel().writeAndFlush(new TextWebSocketFrame(frame));
        }
    }

    /** Pushes the open candle of every subscribed kline stream, preceded by the final state of a closed one. */
    void pushKlines()
    {
        final long nowMs = clockMs.getAsLong();
        for (final String stream : new ArrayList<>(subscribers.keySet()))
        {
            final StreamName name = StreamName.parse(stream, market);
            if (name == null || !name.isKline())
            {
                continue;
            }
            final CandleSeries series = market.candles(name.symbolIndex(), name.klineInterval(), nowMs);
            final CandleSeries.Candle current = series.current();
            final CandleSeries.Candle previous = series.previous();
            if (previous != null && series.lastPushedOpenTimeMs() == previous.openTimeMs)
            {
                publish(stream, KlineEvents.streamEvent(series, previous, true, nowMs));
            }
            publish(stream, KlineEvents.streamEvent(series, current, nowMs > current.closeTimeMs, nowMs));
            series.lastPushedOpenTimeMs(current.openTimeMs);
        }
    }

    int subscriberCount(final String stream)
    {
        final Set<SimulatorSession> receivers = subscribers.get(stream);
        return receivers == null ? 0 : receivers.size();
    }

    int sessionCount()
    {
        return sessions.size();
    }

    private void subscribeAll(final SimulatorSession session, final ControlRequest request)
    {
        for (final String stream : request.params())
        {
            if (StreamName.parse(stream, market) == null)
            {
                reject(session, 2, "Invalid request: unknown stream " + stream, request.idJson());
                return;
            }
        }
        final Set<String> after = new LinkedHashSet<>(session.streams());
        after.addAll(request.params());
        if (after.size() > config.maxStreamsPerConnection())
        {
            reject(session, 2, "Invalid request: more than " + config.maxStreamsPerConnection()
                + " streams on one connection", request.idJson());
            return;
        }
        for (final String stream : request.params())
        {
            subscribe(session, stream);
        }
        answer(session, "null", request.idJson());
    }

    private void subscribe(final SimulatorSession session, final String stream)
    {
        if (session.streams().add(stream))
        {
            subscribers.computeIfAbsent(stream, key -> new LinkedHashSet<>()).add(session);
        }
    }

    private void unsubscribeIndex(final SimulatorSession session, final String stream)
    {
        final Set<SimulatorSession> receivers = subscribers.get(stream);
        if (receivers != null && receivers.remove(session) && receivers.isEmpty())
        {
            subscribers.remove(stream);
        }
    }

    private void answer(final SimulatorSession session, final String resultJson, final String idJson)
    {
        session.channel()
            .writeAndFlush(new TextWebSocketFrame("{\"result\":" + resultJson + ",\"id\":" + idJson + '}'));
    }

    private void reject(final SimulatorSession session, final int code, final String message, final String idJson)
    {
        counters.increment(SimulatorCounters.INVALID_REQUESTS);
        session.channel().writeAndFlush(new TextWebSocketFrame("{\"error\":{\"code\":" + code + ",\"msg\":\""
            + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"},\"id\":" + idJson + '}'));
    }

    private static String listOf(final Set<String> streams)
    {
        final StringBuilder out = new StringBuilder("[");
        for (final String stream : streams)
        {
            if (out.length() > 1)
            {
                out.append(',');
            }
            out.append('"').append(stream).append('"');
        }
        return out.append(']').toString();
    }
}
