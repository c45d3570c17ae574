package io.liqvol.gateway.upstream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the symbols out of Binance's {@code exchangeInfo}, skipping everything else in it; also a bare array of such
 * symbols, as a recorder's {@code /api/v1/symbols} serves them to edges.
 */
public final class ExchangeInfoDecoder
{
    private static final JsonFactory JSON = new JsonFactory();

    private ExchangeInfoDecoder()
    {
    }

    /** @throws IOException when the body is not an exchangeInfo object with a symbols array */
    static List<SymbolInfo> decode(final byte[] body) throws IOException
    {
        try (JsonParser parser = JSON.createParser(body))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new IOException("exchangeInfo is not a JSON object");
            }
            List<SymbolInfo> symbols = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken value = parser.nextToken();
                if ("symbols".equals(field) && value == JsonToken.START_ARRAY)
                {
                    symbols = readSymbols(parser);
                }
                else
                {
                    parser.skipChildren();
                }
            }
            if (symbols == null)
            {
                throw new IOException("exchangeInfo has no symbols array");
            }
            return symbols;
        }
    }

    /** @throws IOException when the body is not a JSON array of symbol objects */
    public static List<SymbolInfo> decodeSymbols(final byte[] body) throws IOException
    {
        try (JsonParser parser = JSON.createParser(body))
        {
            if (parser.nextToken() != JsonToken.START_ARRAY)
            {
                throw new IOException("the symbol list is not a JSON array");
            }
            return readSymbols(parser);
        }
    }

    private static List<SymbolInfo> readSymbols(final JsonParser parser) throws IOException
    {
        final List<SymbolInfo> symbols = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken())
        {
            if (token != JsonToken.START_OBJECT)
            {
                throw new IOException("exchangeInfo symbols hold a " + token);
            }
            String symbol = null;
            String baseAsset = null;
            String quoteAsset = null;
            String status = null;
            int pricePrecision = -1;
            int quantityPrecision = -1;
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)
                {
                    parser.skipChildren();
                    continue;
                }
                switch (field)
                {
                    case "symbol" -> symbol = parser.getValueAsString();
                    case "baseAsset" -> baseAsset = parser.getValueAsString();
                    case "quoteAsset" -> quoteAsset = parser.getValueAsString();
                    case "status" -> status = parser.getValueAsString();
                    case "pricePrecision" -> pricePrecision = parser.getValueAsInt(-1);
                    case "quantityPrecision" -> quantityPrecision = parser.getValueAsInt(-1);
                    default ->
                    {
                    }
                }
            }
            if (symbol != null && baseAsset != null && quoteAsset != null && pricePrecision >= 0
                && quantityPrecision >= 0)
            {
                symbols.add(new SymbolInfo(symbol, baseAsset, quoteAsset, pricePrecision, quantityPrecision,
                    status == null ? "UNKNOWN" : status));
            }
        }
        return symbols;
    }
}
