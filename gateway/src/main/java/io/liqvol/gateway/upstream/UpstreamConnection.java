package io.liqvol.gateway.upstream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket connection to a venue. It keeps the venue's subscriptions equal to the streams its shard wants,
 * sending (un)subscribe requests (batched) and pings, spelled by the venue's {@link WireProtocol}, no faster than
 * the configured pace, and becomes live once every wanted stream is acknowledged. Event loop only.
 */
final class UpstreamConnection implements FrameRouter.AnswerHandler, ShardConnection
{
    /** Lifecycle, in order; a connection is never reused. */
    enum State
    {
        CONNECTING, SUBSCRIBING, LIVE, CLOSING, CLOSED
    }

    private record Request(boolean subscribe, List<String> streams)
    {
    }

    private static final System.Logger LOG = System.getLogger(UpstreamConnection.class.getName());
    private static final int MAX_HANDSHAKE_RESPONSE_BYTES = 64 * 1024;

    private final String name;
    private final WireProtocol protocol;
    private final UpstreamConfig config;
    private final EventLoop loop;
    private final Set<String> wanted;
    private final Listener listener;
    private final UpstreamCounters counters;
    private final Promise<Void> ended;
    private final Set<String> sent = new LinkedHashSet<>();
    private final Set<String> rejected = new HashSet<>();
    private final Map<Long, Request> inflight = new HashMap<>();
    private long nextRequestId = 1;
    private Channel channel;
    private State state = State.CONNECTING;
    private boolean closeRequested;
    private long openedAtMs;
    private long liveSinceMs;
    private long nextSendAtMs;
    private long lastReadMs;
    private long lastPingMs;
    private boolean pumpScheduled;
    private boolean pingDue;
    private ScheduledFuture<?> liveTimeout;
    private ScheduledFuture<?> pinger;
    private ScheduledFuture<?> forceClose;

    UpstreamConnection(final String name, final WireProtocol protocol, final UpstreamConfig config,
        final EventLoop loop, final Set<String> wanted, final Listener listener, final UpstreamCounters counters)
    {
        this.name = name;
        this.protocol = protocol;
        this.config = config;
        this.loop = loop;
        this.wanted = wanted;
        this.listener = listener;
        this.counters = counters;
        this.ended = loop.newPromise();
    }

    void connect(final UpstreamChannels channels, final InboundRouter router)
    {
        openedAtMs = System.currentTimeMillis();
        final URI uri = protocol.endpoint(config.wsBaseUrl());
        final WebSocketClientProtocolConfig handshake = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .version(WebSocketVersion.V13)
            .maxFramePayloadLength(config.maxFrameBytes())
            .handshakeTimeoutMillis(config.liveTimeoutMs())
            .handleCloseFrames(false)
            .sendCloseFrame(null)
            .dropPongFrames(true)
            .withUTF8Validator(false)
            .build();
        final ChannelFuture connected =
            channels.connect(loop, uri, pipeline -> addHandlers(pipeline, handshake, router));
        channel = connected.channel();
        // Deferred: a channel closed within connect() must not end the connection before its shard holds it.
        channel.closeFuture().addListener(closed -> loop.execute(this::end));
        connected.addListener((ChannelFutureListener)future -> onConnectDone(future, uri));
        liveTimeout = loop.schedule(this::onLiveTimeout, config.liveTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    /**
     * A failed connect may leave a channel that never closes (a socket that could not be created, a resolver
     * that threw) and may be reported on Netty's global executor, so the connection is ended here, on its loop,
     * not on the close path alone.
     */
    private void onConnectDone(final ChannelFuture future, final URI uri)
    {
        if (future.isSuccess())
        {
            if (closeRequested)
            {
                future.channel().close();
            }
            return;
        }
        counters.increment(UpstreamCounters.CONNECT_FAILURES);
        LOG.log(System.Logger.Level.WARNING, "{0}: cannot connect to {1}: {2}", name, uri,
            String.valueOf(future.cause()));
        loop.execute(this::abandon);
    }

    @Override
    public boolean isLive()
    {
        return state == State.LIVE;
    }

    @Override
    public long openedAtMs()
    {
        return openedAtMs;
    }

    @Override
    public Future<Void> ended()
    {
        return ended;
    }

    @Override
    public long liveSinceMs()
    {
        return liveSinceMs;
    }

    /** The shard's wanted streams changed: bring the exchange's subscriptions in line, at the allowed pace. */
    @Override
    public void wantedChanged()
    {
        schedulePump(0);
    }

    @Override
    public void closeGracefully()
    {
        closeRequested = true;
        if (state == State.SUBSCRIBING || state == State.LIVE)
        {
            state = State.CLOSING;
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE));
            forceClose = loop.schedule(() -> channel.close(), config.closeTimeoutMs(), TimeUnit.MILLISECONDS);
        }
        else if (state == State.CONNECTING)
        {
            abandon();
        }
    }

    @Override
    public void onAnswer(final long id, final String error)
    {
        final Request request = inflight.remove(id);
        if (request == null)
        {
            counters.increment(UpstreamCounters.IGNORED_FRAMES);
            return;
        }
        if (error != null)
        {
            counters.increment(UpstreamCounters.SUBSCRIPTION_ERRORS);
            LOG.log(System.Logger.Level.WARNING, "{0}: {1} {2} refused: {3}", name,
                request.subscribe() ? "SUBSCRIBE" : "UNSUBSCRIBE", request.streams(), error);
            if (request.subscribe())
            {
                request.streams().forEach(sent::remove);
                rejected.addAll(request.streams());
            }
        }
        checkLive();
    }

    /** Venues that acknowledge by topic rather than by id: the in-flight request that named the topic. */
    @Override
    public void onTopicAnswer(final String topic, final String error)
    {
        for (final Map.Entry<Long, Request> entry : inflight.entrySet())
        {
            if (entry.getValue().streams().contains(topic))
            {
                onAnswer(entry.getKey(), error);
                return;
            }
        }
        counters.increment(UpstreamCounters.IGNORED_FRAMES);
    }

    /** Any frame arrived: the connection is not idle. */
    void onRead()
    {
        lastReadMs = System.currentTimeMillis();
    }

    void onHandshakeComplete()
    {
        if (state != State.CONNECTING)
        {
            return;
        }
        state = State.SUBSCRIBING;
        counters.increment(UpstreamCounters.CONNECTIONS_OPENED);
        lastReadMs = System.currentTimeMillis();
        lastPingMs = lastReadMs;
        // A venue that wants a ping only after silence is checked often, so the ping leaves soon after it is due.
        final long checkMs = protocol.pingWhenIdle()
            ? Math.max(1, Math.min(1000, config.pingIntervalMs() / 5))
            : config.pingIntervalMs();
        pinger = loop.scheduleAtFixedRate(this::onPingTimer, checkMs, checkMs, TimeUnit.MILLISECONDS);
        schedulePump(0);
        checkLive();
    }

    private void onPingTimer()
    {
        final long nowMs = System.currentTimeMillis();
        if (protocol.pingWhenIdle()
            && (nowMs - lastReadMs < config.pingIntervalMs() || nowMs - lastPingMs < config.pingIntervalMs()))
        {
            return;
        }
        pingDue = true;
        schedulePump(0);
    }

    void onIdle()
    {
        counters.increment(UpstreamCounters.IDLE_TIMEOUTS);
        LOG.log(System.Logger.Level.WARNING, "{0}: no frame for {1} ms, dropping the connection", name,
            config.idleTimeoutMs());
        channel.close();
    }

    /** The exchange sent a close frame: our close is answered, or the exchange is cutting us off. */
    void onCloseFrame()
    {
        if (state != State.CLOSING)
        {
            LOG.log(System.Logger.Level.INFO, "{0}: the exchange closed the connection", name);
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        channel.close();
    }

    void onError(final Throwable cause)
    {
        LOG.log(System.Logger.Level.WARNING, "{0}: {1}", name, String.valueOf(cause));
    }

    /** Closes the channel if it ever was registered, and ends the connection at once either way. */
    private void abandon()
    {
        if (channel.isRegistered())
        {
            channel.close();
        }
        end();
    }

    /** The one way a connection ends: the shard is told once, and schedules what comes next. */
    private void end()
    {
        if (state == State.CLOSED)
        {
            return;
        }
        state = State.CLOSED;
        cancel(liveTimeout);
        cancel(pinger);
        cancel(forceClose);
        ended.setSuccess(null);
        listener.onClosed(this);
    }

    private void onLiveTimeout()
    {
        if (state == State.CONNECTING || state == State.SUBSCRIBING)
        {
            LOG.log(System.Logger.Level.WARNING, "{0}: not live after {1} ms, dropping the attempt", name,
                config.liveTimeoutMs());
            abandon();
        }
    }

    private void addHandlers(final ChannelPipeline pipeline, final WebSocketClientProtocolConfig handshake,
        final InboundRouter router)
    {
        pipeline
            .addLast("idle", new IdleStateHandler(config.idleTimeoutMs(), 0, 0, TimeUnit.MILLISECONDS))
            .addLast("http-codec", new HttpClientCodec())
            .addLast("http-aggregator", new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE_BYTES))
            .addLast("ws-protocol", new WebSocketClientProtocolHandler(handshake))
            .addLast("ws-aggregator", new WebSocketFrameAggregator(config.maxFrameBytes()))
            .addLast("upstream", new UpstreamFrameHandler(this, router, counters));
    }

    private void schedulePump(final long delayMs)
    {
        if (pumpScheduled || state == State.CLOSED)
        {
            return;
        }
        pumpScheduled = true;
        if (delayMs <= 0)
        {
            loop.execute(this::pump);
        }
        else
        {
            loop.schedule(this::pump, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends at most one message per control interval: subscriptions first, then unsubscriptions, then a ping. */
    private void pump()
    {
        pumpScheduled = false;
        if (state != State.SUBSCRIBING && state != State.LIVE)
        {
            return;
        }
        rejected.retainAll(wanted);
        final long nowMs = System.currentTimeMillis();
        if (nowMs < nextSendAtMs)
        {
            if (hasWork())
            {
                schedulePump(nextSendAtMs - nowMs);
            }
            return;
        }
        if (sendNext())
        {
            nextSendAtMs = nowMs + config.controlIntervalMs();
            if (hasWork())
            {
                schedulePump(config.controlIntervalMs());
            }
        }
    }

    private boolean hasWork()
    {
        return pingDue || !toSubscribe(1).isEmpty() || !toUnsubscribe(1).isEmpty();
    }

    private boolean sendNext()
    {
        final List<String> subscribe = toSubscribe(config.maxStreamsPerMessage());
        if (!subscribe.isEmpty())
        {
            sent.addAll(subscribe);
            send(new Request(true, subscribe));
            return true;
        }
        final List<String> unsubscribe = toUnsubscribe(config.maxStreamsPerMessage());
        if (!unsubscribe.isEmpty())
        {
            unsubscribe.forEach(sent::remove);
            send(new Request(false, unsubscribe));
            return true;
        }
        if (pingDue)
        {
            pingDue = false;
            lastPingMs = System.currentTimeMillis();
            counters.increment(UpstreamCounters.CONTROL_MESSAGES_SENT);
            channel.writeAndFlush(protocol.ping());
            return true;
        }
        return false;
    }

    private void send(final Request request)
    {
        final long id = nextRequestId++;
        inflight.put(id, request);
        counters.increment(UpstreamCounters.CONTROL_MESSAGES_SENT);
        channel.writeAndFlush(new TextWebSocketFrame(protocol.request(id, request.subscribe(), request.streams())));
    }

    private List<String> toSubscribe(final int limit)
    {
        final List<String> streams = new ArrayList<>();
        for (final Iterator<String> it = wanted.iterator(); it.hasNext() && streams.size() < limit; )
        {
            final String stream = it.next();
            if (!sent.contains(stream) && !rejected.contains(stream))
            {
                streams.add(stream);
            }
        }
        return streams;
    }

    private List<String> toUnsubscribe(final int limit)
    {
        final List<String> streams = new ArrayList<>();
        for (final Iterator<String> it = sent.iterator(); it.hasNext() && streams.size() < limit; )
        {
            final String stream = it.next();
            if (!wanted.contains(stream))
            {
                streams.add(stream);
            }
        }
        return streams;
    }

    /** Live once every wanted stream was sent and acknowledged (or refused, which is counted and logged). */
    private void checkLive()
    {
        if (state != State.SUBSCRIBING || !toSubscribe(1).isEmpty())
        {
            return;
        }
        for (final Request request : inflight.values())
        {
            if (request.subscribe())
            {
                return;
            }
        }
        state = State.LIVE;
        liveSinceMs = System.currentTimeMillis();
        cancel(liveTimeout);
        listener.onLive(this);
    }

    private static void cancel(final ScheduledFuture<?> task)
    {
        if (task != null)
        {
            task.cancel(false);
        }
    }

    @Override
    public String toString()
    {
        return name;
    }
}
