package io.liqvol.gateway.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Opens client connections to the exchange: through the optional HTTP CONNECT proxy, with TLS (the JDK's
 * default trust and host name verification) for {@code wss} and {@code https}, plain for {@code ws} and
 * {@code http} (the simulator). Names are resolved by Netty's asynchronous DNS resolver, never by a blocking
 * lookup on the event loop. The caller adds its protocol handlers.
 */
final class UpstreamChannels implements AutoCloseable
{
    private final UpstreamConfig config;
    private final SslContext sslContext;
    private final DnsAddressResolverGroup resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
        .datagramChannelType(NioDatagramChannel.class)
        .socketChannelType(NioSocketChannel.class));

    UpstreamChannels(final UpstreamConfig config)
    {
        this.config = config;
        try
        {
            this.sslContext = SslContextBuilder.forClient().build();
        }
        catch (final SSLException ex)
        {
            throw new IllegalStateException("cannot create the TLS context", ex);
        }
    }

    static boolean isSecure(final URI uri)
    {
        final String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return "wss".equals(scheme) || "https".equals(scheme);
    }

    static int portOf(final URI uri)
    {
        return uri.getPort() > 0 ? uri.getPort() : isSecure(uri) ? 443 : 80;
    }

    ChannelFuture connect(final EventLoop loop, final URI target, final Consumer<ChannelPipeline> protocol)
    {
        final String host = target.getHost();
        final int port = portOf(target);
        final URI proxy = config.proxy();
        final Bootstrap bootstrap = new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)Math.min(Integer.MAX_VALUE, config.connectTimeoutMs()))
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    final ChannelPipeline pipeline = channel.pipeline();
                    if (proxy != null)
                    {
                        pipeline.addLast("proxy", proxyHandler(proxy));
                    }
                    if (isSecure(target))
                    {
                        pipeline.addLast("tls", tlsHandler(channel, host, port));
                    }
                    protocol.accept(pipeline);
                }
            });
        if (proxy == null)
        {
            return bootstrap.resolver(resolver).connect(InetSocketAddress.createUnresolved(host, port));
        }
        // Behind a proxy the proxy resolves the target: desks often cannot resolve public names themselves.
        return bootstrap.resolver(NoopAddressResolverGroup.INSTANCE)
            .connect(InetSocketAddress.createUnresolved(host, port));
    }

    @Override
    public void close()
    {
        resolver.close();
    }

    private HttpProxyHandler proxyHandler(final URI proxy)
    {
        final InetSocketAddress proxyAddress = new InetSocketAddress(proxy.getHost(), proxy.getPort());
        final HttpProxyHandler handler;
        final String userInfo = proxy.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":"))
        {
            final int colon = userInfo.indexOf(':');
            handler = new HttpProxyHandler(proxyAddress,
                URLDecoder.decode(userInfo.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8));
        }
        else
        {
            handler = new HttpProxyHandler(proxyAddress);
        }
        handler.setConnectTimeoutMillis(config.connectTimeoutMs());
        return handler;
    }

    private SslHandler tlsHandler(final SocketChannel channel, final String host, final int port)
    {
        final SslHandler handler = sslContext.newHandler(channel.alloc(), host, port);
        final SSLEngine engine = handler.engine();
        final SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        return handler;
    }
}
