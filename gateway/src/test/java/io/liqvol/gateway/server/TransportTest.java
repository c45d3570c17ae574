package io.liqvol.gateway.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TransportTest
{
    @Test
    void shouldUseNativeEpollWhereItLoadsAndServeOverIt() throws IOException
    {
        final EventLoopGroup group = Transport.group(1, "transport-test");
        try
        {
            assertThat(Transport.name()).isEqualTo(Epoll.isAvailable() ? "epoll" : "nio");
            if (System.getProperty("os.name").startsWith("Linux") && "amd64".equals(System.getProperty("os.arch")))
            {
                assertThat(Transport.name()).isEqualTo("epoll");
                assertThat(Transport.serverChannel(group)).isEqualTo(EpollServerSocketChannel.class);
            }
            final Channel server = new ServerBootstrap().group(group).channel(Transport.serverChannel(group))
                .childHandler(new ChannelInboundHandlerAdapter()).bind("127.0.0.1", 0).syncUninterruptibly().channel();
            try (Socket socket = new Socket())
            {
                socket.connect(server.localAddress());
                assertThat(socket.isConnected()).isTrue();
            }
            server.close().syncUninterruptibly();
        }
        finally
        {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
    }

    @Test
    void shouldPickTheNioServerChannelForANioGroup()
    {
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try
        {
            assertThat(Transport.serverChannel(group)).isEqualTo(NioServerSocketChannel.class);
        }
        finally
        {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
    }
}
