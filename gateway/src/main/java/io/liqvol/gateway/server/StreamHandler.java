package io.liqvol.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.util.List;

/**
 * What every client stream shares once the upgrade is done: validating the request (an error message and
 * close 1008 when it is bad), the request-rate limit, answering invalid messages (an error message, the stream
 * stays open), {@code ping}, the WebSocket keep-alive ({@link KeepAlive};
 * a heartbeat message when it reports a quiet interval), and the hand-over of writability changes to the
 * client's {@link ClientOutbound}.
 */
abstract class StreamHandler extends SimpleChannelInboundHandler<WebSocketFrame>
{
    protected final ServerHandlerParts context;
    protected ClientOutbound outbound;
    protected String symbol;
    private TokenBucket rate;

    StreamHandler(final ServerHandlerParts context)
    {
        this.context = context;
    }

    /** Validates the request URI and subscribes; throws {@link ApiException} for a bad request. */
    protected abstract void start(Channel channel, QueryStringDecoder request);

    /** Answers a client's {@code range} message; throws {@link ApiException} for one it cannot serve. */
    protected abstract void onRange(Channel channel, ClientMessage message);

    /** Unsubscribes; called once when the channel closes after a successful start. */
    protected abstract void stop();

    protected abstract void countClient(int delta);

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake)
        {
            begin(ctx.channel(), handshake.requestUri());
        }
        else if (event == KeepAlive.QUIET)
        {
            heartbeat(ctx.channel());
        }
        else
        {
            super.userEventTriggered(ctx, event);
        }
    }

    private void begin(final Channel channel, final String uri)
    {
        countClient(1);
        context.webSockets().add(channel);
        channel.pipeline().replace(
            GatewayServerInitializer.IDLE, "keep-alive", new KeepAlive(context.config(), context.metrics()));
        rate = new TokenBucket(context.config().requestsPerSecond(), System.nanoTime());
        try
        {
            requireToken(channel);
            start(channel, new QueryStringDecoder(uri));
        }
        catch (final ApiException e)
        {
            refuse(channel, e);
        }
    }

    /** A token revoked between the upgrade and now (a reload closes only the streams it finds). */
    private void requireToken(final Channel channel)
    {
        final String token = channel.attr(AccessTokens.CHANNEL_TOKEN).get();
        if (token != null && !context.tokens().accepts(token))
        {
            context.metrics().increment(GatewayMetrics.TOKENS_REVOKED_CLOSED);
            throw new ApiException(HttpResponseStatus.UNAUTHORIZED, "unauthorized", "the API token was revoked");
        }
    }

    /**
     * A whole message (fragments are reassembled before it gets here). Every message that is not a valid one is
     * answered with an error message and the stream stays open (docs/API.md §3.5): a binary one, one that is not
     * JSON, and a {@code range} this stream cannot serve alike.
     */
    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
    {
        if (outbound == null)
        {
            return;
        }
        if (!rate.tryAcquire(System.nanoTime()))
        {
            context.metrics().increment(GatewayMetrics.REQUESTS_RATE_LIMITED);
            sendError(ctx.channel(), "rate_limited", "more than " + context.config().requestsPerSecond()
                + " messages per second");
            return;
        }
        try
        {
            if (!(frame instanceof TextWebSocketFrame text))
            {
                throw ApiException.badRequest("invalid_message", "binary messages are not read; send JSON text");
            }
            final ClientMessage message = ClientMessage.parse(text.text());
            if ("ping".equals(message.type()))
            {
                writeText(ctx.channel(), MessageWriter.forThisThread().pong(ctx.alloc()));
                ctx.flush();
                return;
            }
            onRange(ctx.channel(), message);
        }
        catch (final ApiException e)
        {
            context.metrics().increment(GatewayMetrics.CLIENT_ERRORS);
            sendError(ctx.channel(), e.code(), e.getMessage());
        }
    }

    /** A ping interval passed in which the client was sent nothing else: a message it can see. */
    private void heartbeat(final Channel channel)
    {
        if (outbound != null)
        {
            writeText(channel, MessageWriter.forThisThread().heartbeat(
                channel.alloc(), symbol, System.currentTimeMillis()));
            channel.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx) throws Exception
    {
        if (outbound != null)
        {
            outbound.writabilityChanged();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        if (rate != null)
        {
            countClient(-1);
        }
        if (outbound != null)
        {
            stop();
            outbound.dispose();
        }
        super.channelInactive(ctx);
    }

    /**
     * A protocol violation, answered with its close code (1002 for a bad frame or an invalid close code, 1007 for
     * text that is not UTF-8, 1009 for a frame or message too big) and counted; or a failed write to a client that
     * went away: the channel closed.
     */
    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (cause instanceof CorruptedWebSocketFrameException corrupted)
        {
            closeForViolation(ctx.channel(), corrupted.closeStatus());
        }
        else if (cause instanceof TooLongFrameException)
        {
            // the fragments of one message add up to more than a frame may carry
            closeForViolation(ctx.channel(), WebSocketCloseStatus.MESSAGE_TOO_BIG);
        }
        else
        {
            ctx.close();
        }
    }

    private void closeForViolation(final Channel channel, final WebSocketCloseStatus status)
    {
        context.metrics().increment(GatewayMetrics.CLIENT_ERRORS);
        ClientOutbound.closeWith(channel, status.code(), status.reasonText(), context.config().closeTimeoutMs());
    }

    /**
     * Runs a history query of {@code rows} buckets or rows on the {@link QueryScheduler}; closes the stream with
     * 1011 if it fails. The task calls the ticket's release once its answer is written. Throws the scheduler's
     * {@link ApiException} when the budget has no room for it.
     */
    protected void query(final Channel channel, final long rows, final QueryScheduler.Query task)
    {
        context.queries().submit(ClientAddress.of(channel), QueryScheduler.price(rows),
            ticket ->
            {
                try
                {
                    task.run(ticket);
                }
                catch (final RuntimeException e)
                {
                    ticket.release();
                    channel.eventLoop().execute(() -> ClientOutbound.closeWith(channel,
                        WebSocketCloseStatus.INTERNAL_SERVER_ERROR.code(), "internal error",
                        context.config().closeTimeoutMs()));
                }
            });
    }

    /**
     * Answers a bad request with an error and close 1008; a refusal for now (a spent query budget) with the error
     * only, the stream staying open; the shutdown with 1001.
     */
    protected void refuse(final Channel channel, final ApiException error)
    {
        context.metrics().increment(GatewayMetrics.CLIENT_ERRORS);
        if (error.retryAfterSeconds() > 0)
        {
            sendError(channel, error.code(), error.getMessage());
            return;
        }
        if ("shutting_down".equals(error.code()))
        {
            ClientOutbound.closeWith(channel, WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(), "server shutting down",
                context.config().closeTimeoutMs());
            return;
        }
        sendError(channel, error.code(), error.getMessage());
        ClientOutbound.closeWith(channel, WebSocketCloseStatus.POLICY_VIOLATION.code(), error.code(),
            context.config().closeTimeoutMs());
    }

    private void sendError(final Channel channel, final String code, final String message)
    {
        writeText(channel, MessageWriter.forThisThread().error(channel.alloc(), code, message));
        channel.flush();
    }

    protected void writeText(final Channel channel, final ByteBuf bytes)
    {
        writeText(channel, bytes, channel.voidPromise());
    }

    protected ChannelFuture writeText(final Channel channel, final ByteBuf bytes, final ChannelPromise promise)
    {
        context.metrics().increment(GatewayMetrics.MESSAGES_SENT);
        context.metrics().add(GatewayMetrics.BYTES_SENT, bytes.readableBytes());
        return channel.write(new TextWebSocketFrame(bytes), promise);
    }

    /** The venues of an upgrade request's {@code exchange}; a 400 {@code invalid_exchange} before the upgrade. */
    static VenueSelection venues(final QueryStringDecoder decoder)
    {
        return VenueSelection.parse(parameter(decoder, "exchange"));
    }

    protected static String parameter(final QueryStringDecoder decoder, final String name)
    {
        final List<String> values = decoder.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
