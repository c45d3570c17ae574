package io.liqvol.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.liqvol.engine.FixedPoint;
import io.liqvol.engine.Gap;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fills a recorded gap from a peer liqvol instance ({@code LIQUIDATION_API_BASE_URL}) through the peer's public
 * REST API: its symbols, then each symbol's most recent liquidations; those timed inside the gap go into the engine,
 * which drops the ones it already has. The API serves the newest 1000 liquidations of a symbol, so a gap is filled
 * as far back as the peer still lists. Runs on the HTTP client's threads, never on an event loop or the engine's.
 */
final class PeerGapFiller
{
    /** What one fill did. */
    record Report(int symbolsAsked, int symbolsFailed, int liquidationsInGap, int liquidationsRejected)
    {
    }

    static final int PEER_LIMIT = 1000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonFactory JSON = new JsonFactory();

    private final URI peerBaseUrl;
    private final LiqvolEngine engine;
    private final HttpClient http;

    PeerGapFiller(final URI peerBaseUrl, final LiqvolEngine engine, final HttpClient http)
    {
        this.peerBaseUrl = peerBaseUrl;
        this.engine = engine;
        this.http = http;
    }

    /** Asks the peer for everything in the gap, one symbol after another; completes with what it did. */
    CompletableFuture<Report> fill(final Gap gap)
    {
        return get("/api/v1/symbols")
            .thenApply(PeerGapFiller::symbolsOf)
            .thenCompose(symbols ->
            {
                CompletableFuture<Report> chain = CompletableFuture.completedFuture(new Report(0, 0, 0, 0));
                for (final String symbol : symbols)
                {
                    chain = chain.thenCompose(report -> fillSymbol(symbol, gap, report));
                }
                return chain;
            });
    }

    private CompletableFuture<Report> fillSymbol(final String symbol, final Gap gap, final Report sofar)
    {
        // a peer from before venues knows no exchange parameter, and has only Binance's
        final String venue = gap.venue() == Venue.BINANCE ? "" : "&exchange=" + gap.venue().code();
        return get("/api/v1/liquidations/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + "?limit=" + PEER_LIMIT
            + venue)
            .thenApply(body ->
            {
                final List<PeerLiquidation> rows = liquidationsOf(body);
                rows.removeIf(row -> row.timeMs < gap.fromMs() || row.timeMs > gap.toMs() || row.venue != gap.venue());
                // The peer lists newest first; hand them in oldest first, as they happened.
                rows.sort(Comparator.comparingLong(row -> row.timeMs));
                int rejected = 0;
                for (final PeerLiquidation liquidation : rows)
                {
                    if (liquidation.quantityE8 <= 0 || liquidation.priceE8 <= 0 || liquidation.side == null
                        || liquidation.venue == null
                        || !engine.ingestLiquidation(liquidation.venue, symbol, liquidation.side,
                        liquidation.quantityE8, liquidation.priceE8, liquidation.timeMs, 0))
                    {
                        rejected++;
                    }
                }
                return new Report(sofar.symbolsAsked() + 1, sofar.symbolsFailed(),
                    sofar.liquidationsInGap() + rows.size(), sofar.liquidationsRejected() + rejected);
            })
            .exceptionally(failure -> new Report(sofar.symbolsAsked() + 1, sofar.symbolsFailed() + 1,
                sofar.liquidationsInGap(), sofar.liquidationsRejected()));
    }

    private CompletableFuture<byte[]> get(final String path)
    {
        final HttpRequest request = HttpRequest.newBuilder(peerBaseUrl.resolve(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .GET()
            .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response ->
        {
            if (response.statusCode() != 200)
            {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body();
        });
    }

    /** The {@code symbol} of every object in the peer's symbol list (a bare array, or one under "data"). */
    static List<String> symbolsOf(final byte[] body)
    {
        final List<String> symbols = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body))
        {
            JsonToken token;
            while ((token = parser.nextToken()) != null)
            {
                if (token == JsonToken.FIELD_NAME && "symbol".equals(parser.currentName())
                    && parser.nextToken() == JsonToken.VALUE_STRING)
                {
                    symbols.add(parser.getText());
                }
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("peer symbol list is not JSON", ex);
        }
        return symbols;
    }

    /** The rows of the peer's {@code {"symbol":…,"data":[…]}} answer; a row it cannot read exactly has no side. */
    static List<PeerLiquidation> liquidationsOf(final byte[] body)
    {
        final List<PeerLiquidation> rows = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body))
        {
            JsonToken token;
            while ((token = parser.nextToken()) != null)
            {
                if (token == JsonToken.FIELD_NAME && "data".equals(parser.currentName())
                    && parser.nextToken() == JsonToken.START_ARRAY)
                {
                    while (parser.nextToken() == JsonToken.START_OBJECT)
                    {
                        rows.add(readRow(parser));
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("peer liquidations are not JSON", ex);
        }
        return rows;
    }

    private static PeerLiquidation readRow(final JsonParser parser) throws IOException
    {
        final PeerLiquidation row = new PeerLiquidation();
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            parser.nextToken();
            switch (name)
            {
                case "side":
                    row.side = "BUY".equals(parser.getText()) ? Side.BUY
                        : "SELL".equals(parser.getText()) ? Side.SELL : null;
                    break;
                case "quantity":
                    row.quantityE8 = e8(parser.getText());
                    break;
                case "avgPrice":
                    row.priceE8 = e8(parser.getText());
                    break;
                case "exchange":
                    row.venue = Venue.fromCode(parser.getText());
                    break;
                case "timestamp":
                    row.timeMs = parser.getValueAsLong(-1);
                    break;
                default:
                    parser.skipChildren();
            }
        }
        return row;
    }

    /** An exact E8 value, or -1 when the text is not a decimal with at most 8 fraction digits. */
    private static long e8(final String text)
    {
        try
        {
            return new BigDecimal(text).movePointRight(FixedPoint.SCALE).longValueExact();
        }
        catch (final NumberFormatException | ArithmeticException ex)
        {
            return -1;
        }
    }

    /** One row of the peer's answer. */
    static final class PeerLiquidation
    {
        /** A peer from before venues sends no {@code exchange}: its rows are Binance's. */
        Venue venue = Venue.BINANCE;
        Side side;
        long quantityE8 = -1;
        long priceE8 = -1;
        long timeMs = -1;
    }
}
