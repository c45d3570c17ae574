package io.liqvol.gateway.server;

import io.liqvol.engine.Gap;
import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.Interval;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The REST endpoints of docs/API.md §4 that read the engine. Validation runs on the event loop, the query
 * and the encoding on the {@link QueryScheduler}; the answer is written from there.
 */
final class RestApi
{
    static final String VOLUME_PREFIX = "/api/v1/liquidation-volume/";
    static final String LIQUIDATIONS_PREFIX = "/api/v1/liquidations/";
    static final String ALL_LIQUIDATIONS_PATH = "/api/v1/liquidations";
    static final String HEATMAP_PREFIX = "/api/v1/heatmap/";
    static final List<String> HEATMAP_PARAMETERS =
        List.of("start", "end", "start_time", "end_time", "bins", "exchange");
    static final int DEFAULT_HEATMAP_BINS = 50;
    static final int MIN_HEATMAP_BINS = 10;
    static final int MAX_HEATMAP_BINS = 200;
    /** The most cells (time buckets × bins) a heatmap may span: 30 days of 1h at 200 bins fit. */
    static final long MAX_HEATMAP_CELLS = 150_000;
    /** A heatmap is priced at a tenth of its cells beyond its journal read: most cells of a grid stay empty. */
    static final long HEATMAP_CELLS_PER_PRICE = 10;
    static final String GAPS_PATH = "/api/v1/gaps";
    static final String OVERVIEW_PATH = "/api/v1/overview";
    static final String DISTRIBUTION_PATH = "/api/v1/distribution";
    static final String MARKET_VOLUME_PATH = "/api/v1/volume";
    static final List<String> MARKET_VOLUME_PARAMETERS =
        List.of("timeframe", "start", "end", "start_time", "end_time", "format", "exchange", "by_exchange");
    static final int MAX_GAPS = 10_000;
    static final int DEFAULT_LIQUIDATIONS = 50;
    static final int MAX_LIQUIDATIONS = 1000;
    /** The query parameters of a range, in both spellings (docs/API.md §4.1). */
    static final List<String> RANGE_PARAMETERS = List.of("start", "end", "start_time", "end_time");
    /** The query parameters of an overview's window (docs/API.md §4.10). */
    static final List<String> MARKET_PARAMETERS =
        List.of("window", "start", "end", "start_time", "end_time", "exchange");
    static final List<String> VOLUME_PARAMETERS =
        List.of("start", "end", "start_time", "end_time", "format", "exchange", "by_exchange");
    /** Any of them makes a liquidations request one for the journal's history (docs/API.md §4.2). */
    static final List<String> HISTORY_PARAMETERS =
        List.of("start", "end", "start_time", "end_time", "cursor", "min_usdt", "side", "order");
    static final List<String> LIQUIDATIONS_PARAMETERS = List.of("limit", "format", "start", "end", "start_time",
        "end_time", "cursor", "min_usdt", "side", "order", "exchange");
    /** What reading a page of the journal costs beyond the rows it answers. */
    static final long JOURNAL_PAGE_PRICE = 1_000;

    private static final System.Logger LOG = System.getLogger(RestApi.class.getName());

    private final ServerHandlerParts context;

    RestApi(final ServerHandlerParts context)
    {
        this.context = context;
    }

    /**
     * {@code /api/v1/liquidation-volume/{symbol}/{timeframe}?start=&end=&format=} (or start_time/end_time): streamed
     * as JSON or CSV.
     */
    void volume(final ChannelHandlerContext ctx, final boolean keepAlive, final HttpRequest request,
        final QueryStringDecoder query)
    {
        final String[] parts = segments(query.path(), VOLUME_PREFIX, 2);
        RequestTarget.requireKnownParameters(query, VOLUME_PARAMETERS);
        final String symbol = context.validator().symbol(parts[0]);
        final Interval timeframe = RequestValidator.anyTimeframe(parts[1]);
        final VolumeRange range = requestedRange(query, timeframe);
        final VolumeSelection volume = volumeSelection(query);
        final boolean csv = csv(request, query);
        final String fileName = symbol + "-" + timeframe.code() + "-" + range.startMs() + "-" + range.endMs() + ".csv";
        stream(ctx, keepAlive, QueryScheduler.price(range.baseBuckets(timeframe) * volume.reads()),
            head(request, csv, fileName),
            () -> new VolumeBody(context.history(), symbol, timeframe, range, volume, csv, System.currentTimeMillis()));
    }

    /**
     * {@code /api/v1/volume?timeframe=&start=&end=&format=}: the market's buckets, every symbol summed (§4.14), priced
     * as the rows it writes plus one per symbol it reads (it holds one page of buckets at a time).
     */
    void marketVolume(final ChannelHandlerContext ctx, final boolean keepAlive, final HttpRequest request,
        final QueryStringDecoder query)
    {
        RequestTarget.requireKnownParameters(query, MARKET_VOLUME_PARAMETERS);
        final String code = parameter(query, "timeframe", null);
        final Interval timeframe = RequestValidator.anyTimeframe(code == null ? "1m" : code);
        final VolumeRange range = requestedRange(query, timeframe);
        final VolumeSelection volume = volumeSelection(query);
        final boolean csv = csv(request, query);
        final String fileName = "market-" + timeframe.code() + "-" + range.startMs() + "-" + range.endMs() + ".csv";
        final long symbols = Math.max(1, context.history().symbols().size());
        stream(ctx, keepAlive, QueryScheduler.price((range.baseBuckets(timeframe) + symbols) * volume.reads()),
            head(request, csv, fileName),
            () -> new VolumeBody(context.history(), null, timeframe, range, volume, csv, System.currentTimeMillis()));
    }

    private static VolumeSelection volumeSelection(final QueryStringDecoder query)
    {
        return VolumeSelection.parse(parameter(query, "exchange", null), parameter(query, "by_exchange", null));
    }

    /** The buckets of {@code timeframe} that {@code start}/{@code end} (or start_time/end_time) ask for. */
    private VolumeRange requestedRange(final QueryStringDecoder query, final Interval timeframe)
    {
        return context.validator().range(timeframe,
            parameter(query, "start", "start_time"), parameter(query, "end", "end_time"), System.currentTimeMillis());
    }

    /**
     * {@code /api/v1/heatmap/{symbol}/{timeframe}?start=&end=&bins=}: the realized liquidation heatmap, refused
     * (400 {@code range_too_large}) beyond {@link #MAX_HEATMAP_CELLS} cells.
     */
    void heatmap(final ChannelHandlerContext ctx, final boolean keepAlive, final HttpRequest request,
        final QueryStringDecoder query)
    {
        final String[] parts = segments(query.path(), HEATMAP_PREFIX, 2);
        RequestTarget.requireKnownParameters(query, HEATMAP_PARAMETERS);
        final String symbol = context.validator().symbol(parts[0]);
        final Interval timeframe = RequestValidator.anyTimeframe(parts[1]);
        final VolumeRange range = requestedRange(query, timeframe);
        final int bins = RequestValidator.count("bins", parameter(query, "bins", null), DEFAULT_HEATMAP_BINS,
            MIN_HEATMAP_BINS, MAX_HEATMAP_BINS);
        final VenueSelection venues = VenueSelection.parse(parameter(query, "exchange", null));
        final long cells = range.buckets(timeframe) * bins;
        if (cells > MAX_HEATMAP_CELLS)
        {
            throw ApiException.badRequest("range_too_large", "the heatmap spans " + range.buckets(timeframe)
                + " buckets of " + timeframe.code() + " × " + bins + " bins = " + cells + " cells, at most "
                + MAX_HEATMAP_CELLS);
        }
        final long price = JOURNAL_PAGE_PRICE + (cells + HEATMAP_CELLS_PER_PRICE - 1) / HEATMAP_CELLS_PER_PRICE;
        stream(ctx, keepAlive, price, head(request, false, null),
            () -> new HeatmapBody(context.history(), context.symbols().format(symbol), timeframe, range, bins,
                venues));
    }

    /**
     * {@code /api/v1/liquidations/{symbol}}: with only {@code limit} (and {@code format}) the most recent orders in
     * memory, {@code {"symbol","data":[orders newest first]}}; with any history parameter a page of the journal.
     */
    void liquidations(final ChannelHandlerContext ctx, final boolean keepAlive, final HttpRequest request,
        final QueryStringDecoder query)
    {
        final String[] parts = segments(query.path(), LIQUIDATIONS_PREFIX, 1);
        RequestTarget.requireKnownParameters(query, LIQUIDATIONS_PARAMETERS);
        final String symbol = context.validator().symbol(parts[0]);
        final boolean csv = csv(request, query);
        if (HISTORY_PARAMETERS.stream().anyMatch(query.parameters()::containsKey))
        {
            history(ctx, keepAlive, request, query, symbol, csv);
            return;
        }
        final int limit =
            RequestValidator.limit(parameter(query, "limit", null), DEFAULT_LIQUIDATIONS, MAX_LIQUIDATIONS);
        final VenueSelection venues = VenueSelection.parse(parameter(query, "exchange", null));
        stream(ctx, keepAlive, QueryScheduler.price(limit), head(request, csv, symbol + "-liquidations.csv"),
            () -> out ->
            {
                recent(out, symbol, limit, venues, csv);
                return false;
            });
    }

    /** {@code /api/v1/liquidations?…}: a page of the journal's orders of every symbol. */
    void allLiquidations(final ChannelHandlerContext ctx, final boolean keepAlive, final HttpRequest request,
        final QueryStringDecoder query)
    {
        RequestTarget.requireKnownParameters(query, LIQUIDATIONS_PARAMETERS);
        history(ctx, keepAlive, request, query, null, csv(request, query));
    }

    private void history(final ChannelHandlerContext ctx, final boolean keepAlive, final HttpRequest request,
        final QueryStringDecoder query, final String symbol, final boolean csv)
    {
        final OrderCursor page = OrderQueries.page(query, symbol);
        final String rawLimit = parameter(query, "limit", null);
        final long limit = csv && rawLimit == null
            ? Long.MAX_VALUE : RequestValidator.limit(rawLimit, DEFAULT_LIQUIDATIONS, MAX_LIQUIDATIONS);
        final long price = limit == Long.MAX_VALUE
            ? context.config().maxRangeBuckets() : QueryScheduler.price(limit) + JOURNAL_PAGE_PRICE;
        final String fileName = (symbol == null ? "all" : symbol) + "-liquidations-" + page.filter().startMs() + "-"
            + (page.filter().endMs() == Long.MAX_VALUE ? "now" : String.valueOf(page.filter().endMs())) + ".csv";
        stream(ctx, keepAlive, price, head(request, csv, fileName),
            () -> new OrderHistoryBody(context.history(), context.symbols(), page, limit, csv));
    }

    private void recent(final ByteBuf out, final String symbol, final int limit, final VenueSelection venues,
        final boolean csv) throws IOException
    {
        final List<LiquidationSnapshot> recent = context.history().recentLiquidations(symbol, limit, venues);
        final OrderRows rows = new OrderRows();
        rows.addNewestFirst(recent);
        final SymbolFormat format = context.symbols().format(symbol);
        if (csv)
        {
            final CsvRows text = new CsvRows();
            CsvRows.header(out, CsvRows.ORDER_HEADER);
            for (int i = rows.size() - 1; i >= 0; i--)
            {
                text.order(out, symbol, rows.venue(i), rows.side(i), rows.quantityE8(i), rows.priceE8(i),
                    rows.timeMs(i), format);
            }
            return;
        }
        final MessageWriter writer = MessageWriter.forThisThread();
        writer.writeInto(out, json ->
        {
            json.writeStartObject();
            json.writeStringField("symbol", symbol);
            json.writeFieldName("data");
            writer.orderArray(rows, format, symbol);
            json.writeEndObject();
        });
    }

    /** CSV when {@code format=csv}, or without {@code format} when the request accepts {@code text/csv}. */
    static boolean csv(final HttpRequest request, final QueryStringDecoder query)
    {
        final String format = parameter(query, "format", null);
        if (format == null)
        {
            final String accept = request.headers().get(HttpHeaderNames.ACCEPT);
            return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
        }
        if (!format.equals("csv") && !format.equals("json"))
        {
            throw ApiException.badRequest("invalid_parameter", "format must be json or csv, was " + format);
        }
        return format.equals("csv");
    }

    private static StreamedAnswer.Head head(final HttpRequest request, final boolean csv, final String fileName)
    {
        return new StreamedAnswer.Head(csv ? CsvRows.CONTENT_TYPE : HttpResponses.JSON, csv ? fileName : null,
            HttpMethod.HEAD.equals(request.method()));
    }

    /**
     * Runs a streamed answer on the {@link QueryScheduler}, priced at {@code price}; throws the scheduler's
     * {@link ApiException} when the budget has no room for it.
     */
    private void stream(final ChannelHandlerContext ctx, final boolean keepAlive, final long price,
        final StreamedAnswer.Head head, final Supplier<StreamedAnswer.Body> body)
    {
        HttpResponses.pauseReads(ctx);
        context.queries().submit(ClientAddress.of(ctx.channel()), price,
            ticket -> new StreamedAnswer(ctx, keepAlive, head, body.get(), context.metrics()).step(ticket));
    }

    /**
     * {@code /api/v1/gaps?start=&end=}: when recording began and the recorded gaps overlapping the range, oldest first,
     * at most {@link #MAX_GAPS} ({@code "truncated":true} when there are more).
     */
    void gaps(final ChannelHandlerContext ctx, final boolean keepAlive, final QueryStringDecoder query)
    {
        final VolumeRange range = RequestValidator.interval(parameter(query, "start", "start_time"),
            parameter(query, "end", "end_time"));
        final Coverage coverage =
            context.history().coverage(VenueSelection.parse(parameter(query, "exchange", null)));
        final int count = coverage.countGaps(range.startMs(), range.endMs());
        final long nowMs = System.currentTimeMillis();
        final long openFromMs = coverage.openGapFromMs();
        final Gap openGap = openFromMs == Coverage.NO_OPEN_GAP || openFromMs >= range.endMs() || count > MAX_GAPS
            ? null
            : new Gap(coverage.openGapVenue(), openFromMs, Math.max(openFromMs, nowMs));
        answer(ctx, keepAlive, Math.min(count, MAX_GAPS), () ->
        {
            final MessageWriter writer = MessageWriter.forThisThread();
            return writer.encode(ctx.alloc(), json -> writer.gapList(coverage.recordingSinceMs(),
                coverage.gaps(range.startMs(), range.endMs(), MAX_GAPS), openGap, count > MAX_GAPS));
        });
    }

    /** {@code /api/v1/overview?window=} (or start/end): the market ranked by liquidated notional (§4.10). */
    void overview(final ChannelHandlerContext ctx, final boolean keepAlive, final QueryStringDecoder query)
    {
        RequestTarget.requireKnownParameters(query, MARKET_PARAMETERS);
        final MarketWindow window = window(query);
        final VenueSelection venues = VenueSelection.parse(parameter(query, "exchange", null));
        final LiquidationHistory history = context.history();
        answer(ctx, keepAlive, history.symbols().size(), () ->
        {
            final List<MarketOverview.Row> rows = MarketOverview.rows(history, window, venues);
            final SizeClasses sizes = sizes(history.tape(), window, venues);
            final Coverage coverage = history.coverage(venues);
            final MessageWriter writer = MessageWriter.forThisThread();
            return writer.encode(ctx.alloc(), json -> MarketOverview.write(writer, json, window, rows, sizes,
                history.tape(), coverage, System.currentTimeMillis()));
        });
    }

    /** {@code /api/v1/distribution?symbol=&window=} (or start/end): count and notional per size class (§4.11). */
    void distribution(final ChannelHandlerContext ctx, final boolean keepAlive, final QueryStringDecoder query)
    {
        final List<String> known = new ArrayList<>(MARKET_PARAMETERS);
        known.add("symbol");
        RequestTarget.requireKnownParameters(query, known);
        final String rawSymbol = parameter(query, "symbol", null);
        final String symbol = rawSymbol == null ? null : context.validator().symbol(rawSymbol);
        final MarketWindow window = window(query);
        final VenueSelection venues = VenueSelection.parse(parameter(query, "exchange", null));
        final LiquidationHistory history = context.history();
        answer(ctx, keepAlive, SizeClasses.CLASSES, () ->
        {
            final SizeClasses sizes = sizes(history.tape(), window, venues);
            final Coverage coverage = history.coverage(venues);
            final MessageWriter writer = MessageWriter.forThisThread();
            return writer.encode(ctx.alloc(), json -> SizeDistribution.write(writer, json, window, symbol, sizes,
                history.tape(), coverage, System.currentTimeMillis()));
        });
    }

    private static MarketWindow window(final QueryStringDecoder query)
    {
        return MarketWindow.parse(parameter(query, "window", null), parameter(query, "start", "start_time"),
            parameter(query, "end", "end_time"), System.currentTimeMillis());
    }

    private static SizeClasses sizes(
        final LiquidationTape tape, final MarketWindow window, final VenueSelection venues)
    {
        final SizeClasses sizes = new SizeClasses(tape.symbolCount());
        tape.forEach(window.startMs(), window.endMs(), venues, sizes);
        return sizes;
    }

    /** Produces a body off the event loop. */
    @FunctionalInterface
    interface BodyQuery
    {
        ByteBuf run();
    }

    /**
     * Runs the query on the {@link QueryScheduler}, priced by the {@code rows} it answers, and writes its answer;
     * throws the scheduler's {@link ApiException} when the budget has no room for it.
     */
    void answer(final ChannelHandlerContext ctx, final boolean keepAlive, final long rows, final BodyQuery query)
    {
        HttpResponses.pauseReads(ctx);
        context.queries().submit(ClientAddress.of(ctx.channel()),
            QueryScheduler.price(rows), ticket ->
            {
                ChannelFuture written;
                try
                {
                    written = HttpResponses.json(ctx, keepAlive, HttpResponseStatus.OK, query.run());
                }
                catch (final ApiException e)
                {
                    written = HttpResponses.error(ctx, keepAlive, e);
                }
                catch (final RuntimeException e)
                {
                    LOG.log(System.Logger.Level.WARNING, "a history query failed", e);
                    written = HttpResponses.error(ctx, false, HttpResponseStatus.INTERNAL_SERVER_ERROR,
                        "internal_error", "the query failed");
                }
                written.addListener(done -> ticket.release());
            });
    }

    /** The {@code count} path segments after {@code prefix}; a 404 when there are not exactly that many. */
    static String[] segments(final String path, final String prefix, final int count)
    {
        final String[] parts = path.substring(prefix.length()).split("/", -1);
        if (parts.length != count)
        {
            throw new ApiException(HttpResponseStatus.NOT_FOUND, "not_found", "no such resource: " + path);
        }
        return parts;
    }

    static String parameter(final QueryStringDecoder query, final String name, final String alias)
    {
        List<String> values = query.parameters().get(name);
        if ((values == null || values.isEmpty()) && alias != null)
        {
            values = query.parameters().get(alias);
        }
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
