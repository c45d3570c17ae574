package io.liqvol.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.liqvol.engine.Timeframe;
import io.liqvol.gateway.server.Candle;
import io.liqvol.gateway.upstream.ExchangeInfoDecoder;
import io.liqvol.gateway.upstream.SymbolInfo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads what a recorder's client API answers (docs/API.md §4): its symbols, klines and kline stream messages. */
final class RecorderJson
{
    /**
     * The REST klines carry no {@code closed}: a candle counts as closed once its interval ended this long before
     * it was received, so that an open candle the recorder served just before its close is not kept as closed.
     */
    static final long CLOSED_AFTER_MS = 2_000L;
    private static final JsonFactory JSON = new JsonFactory();

    private RecorderJson()
    {
    }

    /** {@code GET /api/v1/symbols}: each symbol with its precisions, as exchangeInfo lists it at the recorder. */
    static List<SymbolInfo> symbols(final byte[] body)
    {
        try
        {
            return ExchangeInfoDecoder.decodeSymbols(body);
        }
        catch (final IOException e)
        {
            throw new IllegalStateException("a recorder's symbol list is not readable", e);
        }
    }

    /** {@code GET /api/v1/klines/…}: candles of {@code timeframe}, received at {@code receivedMs}. */
    static List<Candle> klines(final byte[] body, final Timeframe timeframe, final long receivedMs)
    {
        final List<Candle> candles = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body))
        {
            requireNext(parser, JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT)
            {
                final Candle read = candle(parser);
                final long closesMs = timeframe.bucketStartMs(timeframe.bucketIndex(read.openTimeMs()) + 1);
                candles.add(closesMs + CLOSED_AFTER_MS <= receivedMs
                    ? new Candle(read.openTimeMs(), read.open(), read.high(), read.low(), read.close(), read.volume(),
                    true)
                    : read);
            }
        }
        catch (final IOException e)
        {
            throw new IllegalStateException("a recorder's klines are not JSON", e);
        }
        return candles;
    }

    /** A kline stream's {@code {"type":"kline",…,"data":{…,"closed"}}} message's candle, or null for another type. */
    static Candle kline(final String message)
    {
        try (JsonParser parser = JSON.createParser(message))
        {
            requireNext(parser, JsonToken.START_OBJECT);
            boolean kline = false;
            Candle candle = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                final JsonToken value = parser.nextToken();
                if ("type".equals(name))
                {
                    kline = "kline".equals(parser.getText());
                }
                else if ("data".equals(name) && value == JsonToken.START_OBJECT)
                {
                    candle = candle(parser);
                }
                else
                {
                    parser.skipChildren();
                }
            }
            return kline ? candle : null;
        }
        catch (final IOException e)
        {
            throw new IllegalStateException("a recorder's kline message is not JSON", e);
        }
    }

    /** The candle object the parser is in; open unless it says {@code "closed":true}. */
    private static Candle candle(final JsonParser parser) throws IOException
    {
        long timeSeconds = -1;
        final String[] values = new String[5];
        boolean closed = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            parser.nextToken();
            switch (name)
            {
                case "time" -> timeSeconds = parser.getValueAsLong(-1);
                case "open" -> values[0] = parser.getText();
                case "high" -> values[1] = parser.getText();
                case "low" -> values[2] = parser.getText();
                case "close" -> values[3] = parser.getText();
                case "volume" -> values[4] = parser.getText();
                case "closed" -> closed = parser.getValueAsBoolean();
                default -> parser.skipChildren();
            }
        }
        if (timeSeconds < 0 || values[0] == null || values[1] == null || values[2] == null || values[3] == null
            || values[4] == null)
        {
            throw new IllegalStateException("a recorder's candle lacks a field");
        }
        return new Candle(timeSeconds * 1000, values[0], values[1], values[2], values[3], values[4], closed);
    }

    private static void requireNext(final JsonParser parser, final JsonToken expected) throws IOException
    {
        if (parser.nextToken() != expected)
        {
            throw new IllegalStateException("a recorder's answer does not start with " + expected);
        }
    }
}
