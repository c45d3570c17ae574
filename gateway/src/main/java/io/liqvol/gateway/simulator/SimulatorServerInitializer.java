package io.liqvol.gateway.simulator;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/** Every simulator connection starts as HTTP; a WebSocket upgrade swaps the handlers. */
final class SimulatorServerInitializer extends ChannelInitializer<SocketChannel>
{
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final SimulatorHandlerParts simulator;

    SimulatorServerInitializer(final SimulatorHandlerParts simulator)
    {
        this.simulator = simulator;
    }

    @Override
    protected void initChannel(final SocketChannel channel)
    {
        channel.pipeline()
            .addLast("http-codec", new HttpServerCodec())
            .addLast("http-aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES))
            .addLast("http-handler", new SimulatorHttpHandler(simulator));
    }
}
