package io.liqvol.gateway.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

import java.util.List;

/**
 * One client of {@code /api/v1/ws/alerts[?rule=ID]}: the most recent alert events, then each new one, as they are
 * fired (docs/API.md §7.3). Alerts are rare, so each is written and flushed on the client's event loop as it comes; a
 * client that lets more than {@code --max-pending-bytes} wait is closed with 1013.
 */
final class AlertStreamHandler extends StreamHandler
{
    static final String PATH = "/api/v1/ws/alerts";

    private AlertService.Subscription subscription;

    AlertStreamHandler(final ServerHandlerParts context)
    {
        super(context);
    }

    @Override
    protected void start(final Channel channel, final QueryStringDecoder request)
    {
        RequestTarget.requireKnownParameters(request, List.of("rule", "token"));
        outbound = new ClientOutbound(channel, context.config(), context.fanOutLoops().of(channel.eventLoop()));
        outbound.release();
        subscription = context.alerts().subscribe(parameter(request, "rule"),
            json -> channel.eventLoop().execute(() -> send(channel, json)));
    }

    private void send(final Channel channel, final String json)
    {
        if (!channel.isActive())
        {
            return;
        }
        if (channel.unsafe().outboundBuffer() != null
            && channel.unsafe().outboundBuffer().totalPendingWriteBytes() > context.config().maxPendingBytes())
        {
            context.metrics().increment(GatewayMetrics.SLOW_CLIENTS_CLOSED);
            ClientOutbound.closeWith(channel, WebSocketCloseStatus.TRY_AGAIN_LATER.code(),
                "client too slow: alerts waiting", context.config().closeTimeoutMs());
            return;
        }
        writeText(channel, ByteBufUtil.writeUtf8(channel.alloc(), json));
        channel.flush();
    }

    @Override
    protected void onRange(final Channel channel, final ClientMessage message)
    {
        throw ApiException.badRequest("invalid_message", "the alerts stream takes no range");
    }

    @Override
    protected void stop()
    {
        if (subscription != null)
        {
            subscription.close();
        }
    }

    @Override
    protected void countClient(final int delta)
    {
        context.metrics().add(GatewayMetrics.ALERT_CLIENTS, delta);
    }
}
