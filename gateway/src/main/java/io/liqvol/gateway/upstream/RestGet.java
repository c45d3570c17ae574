package io.liqvol.gateway.upstream;

import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutHandler;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** GET requests to one venue's REST base, one connection each, answered with the body of a 200. */
final class RestGet
{
    private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final UpstreamConfig config;
    private final EventLoop loop;
    private final UpstreamChannels channels;
    private final URI restBase;

    RestGet(final UpstreamConfig config, final EventLoop loop, final UpstreamChannels channels)
    {
        this.config = config;
        this.loop = loop;
        this.channels = channels;
        this.restBase = URI.create(config.restBaseUrl());
    }

    /** The endpoint under the base's own path. */
    String path(final String endpoint)
    {
        final String basePath = restBase.getRawPath() == null ? "" : restBase.getRawPath();
        return (basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath) + endpoint;
    }

    CompletableFuture<byte[]> get(final String pathAndQuery)
    {
        final CompletableFuture<byte[]> body = new CompletableFuture<>();
        final ChannelFuture connected = channels.connect(loop, restBase, pipeline -> pipeline
            .addLast("read-timeout", new ReadTimeoutHandler(config.requestTimeoutMs(), TimeUnit.MILLISECONDS))
            .addLast("http-codec", new HttpClientCodec())
            .addLast("http-decompressor", new HttpContentDecompressor(0))
            .addLast("http-aggregator", new HttpObjectAggregator(MAX_BODY_BYTES))
            .addLast("rest", new RestResponseHandler(body)));
        connected.addListener(done ->
        {
            if (!done.isSuccess())
            {
                body.completeExceptionally(done.cause());
                return;
            }
            final FullHttpRequest request =
                new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, pathAndQuery);
            request.headers()
                .set(HttpHeaderNames.HOST, restBase.getPort() > 0 ? restBase.getHost() + ':' + restBase.getPort()
                    : restBase.getHost())
                .set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.USER_AGENT, "liqvol");
            connected.channel().writeAndFlush(request);
        });
        return body.orTimeout(config.requestTimeoutMs() + config.connectTimeoutMs(), TimeUnit.MILLISECONDS);
    }
}
