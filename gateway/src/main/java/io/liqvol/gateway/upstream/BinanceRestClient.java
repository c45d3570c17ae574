package io.liqvol.gateway.upstream;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.QueryStringEncoder;
import io.netty.util.concurrent.ScheduledFuture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Binance's REST API: {@code exchangeInfo} (cached, refreshed periodically; a failed refresh keeps the last
 * good list) and {@code klines}. Requests run on the given event loop group and never block a caller.
 */
public final class BinanceRestClient implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(BinanceRestClient.class.getName());
    private static final int MAX_KLINES = 1500;

    private final UpstreamConfig config;
    private final EventLoop loop;
    private final UpstreamChannels channels;
    private final RestGet rest;
    private volatile List<SymbolInfo> symbols;
    private CompletableFuture<List<SymbolInfo>> loading;
    private ScheduledFuture<?> refresh;
    private boolean closed;

    public BinanceRestClient(final UpstreamConfig config, final EventLoopGroup group)
    {
        this.config = config.conclude();
        this.loop = group.next();
        this.channels = new UpstreamChannels(config);
        this.rest = new RestGet(this.config, loop, channels);
    }

    /** The exchange's symbols: the cached list, or the first load of it (retried on the next call if it fails). */
    public CompletableFuture<List<SymbolInfo>> exchangeInfo()
    {
        final List<SymbolInfo> cached = symbols;
        if (cached != null)
        {
            return CompletableFuture.completedFuture(cached);
        }
        synchronized (this)
        {
            if (loading == null || loading.isCompletedExceptionally())
            {
                loading = fetchExchangeInfo().thenApply(this::remember);
            }
            return loading;
        }
    }

    /**
     * Candles as Binance selects them: with a start, the first {@code limit} from it; otherwise the last
     * {@code limit} up to the end (or now). {@code limit} is 1 to 1500.
     */
    public CompletableFuture<List<Kline>> klines(final String symbol, final String interval, final Long startMs,
        final Long endMs, final int limit)
    {
        if (limit < 1 || limit > MAX_KLINES)
        {
            return CompletableFuture.failedFuture(new IllegalArgumentException("limit must be 1.." + MAX_KLINES));
        }
        final QueryStringEncoder query = new QueryStringEncoder(path("/fapi/v1/klines"));
        query.addParam("symbol", symbol.toUpperCase(Locale.ROOT));
        query.addParam("interval", interval);
        if (startMs != null)
        {
            query.addParam("startTime", Long.toString(startMs));
        }
        if (endMs != null)
        {
            query.addParam("endTime", Long.toString(endMs));
        }
        query.addParam("limit", Integer.toString(limit));
        return get(query.toString()).thenApply(body ->
        {
            try
            {
                return KlineDecoder.decodeRest(body, System.currentTimeMillis());
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        });
    }

    @Override
    public void close()
    {
        synchronized (this)
        {
            closed = true;
            if (refresh != null)
            {
                refresh.cancel(false);
            }
        }
        channels.close();
    }

    private List<SymbolInfo> remember(final List<SymbolInfo> loaded)
    {
        symbols = loaded;
        synchronized (this)
        {
            if (refresh == null && !closed)
            {
                refresh = loop.scheduleAtFixedRate(this::refreshExchangeInfo, config.exchangeInfoRefreshMs(),
                    config.exchangeInfoRefreshMs(), TimeUnit.MILLISECONDS);
            }
        }
        return loaded;
    }

    private void refreshExchangeInfo()
    {
        fetchExchangeInfo().whenComplete((loaded, failure) ->
        {
            if (failure != null)
            {
                LOG.log(System.Logger.Level.WARNING, "exchangeInfo refresh failed, keeping {0} symbols: {1}",
                    symbols == null ? 0 : symbols.size(), String.valueOf(failure));
            }
            else
            {
                symbols = loaded;
            }
        });
    }

    private CompletableFuture<List<SymbolInfo>> fetchExchangeInfo()
    {
        return get(path("/fapi/v1/exchangeInfo")).thenApply(body ->
        {
            try
            {
                return List.copyOf(ExchangeInfoDecoder.decode(body));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        });
    }

    private String path(final String endpoint)
    {
        return rest.path(endpoint);
    }

    private CompletableFuture<byte[]> get(final String pathAndQuery)
    {
        return rest.get(pathAndQuery);
    }
}
