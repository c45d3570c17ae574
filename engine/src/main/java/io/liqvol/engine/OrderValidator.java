package io.liqvol.engine;

import static io.liqvol.engine.FieldValues.ABSENT;

/**
 * The fields of the order ({@code "o"}) being read and their validation, following docs/API.md §1's fallbacks: the
 * filled quantity and average price when present and positive, else the quantity and price; the trade time, else
 * the event time. A field read twice keeps its last value. Decode thread only.
 */
final class OrderValidator
{
    private static final int INVALID_SIDE = Integer.MIN_VALUE;

    private final TimeWindow timeWindow;
    private final byte[] symbolBytes = new byte[SymbolTable.MAX_SYMBOL_LENGTH];
    private boolean orderSeen;
    private int symbolLength;
    private boolean symbolInvalid;
    private int side;
    private long quantity;
    private long filledQuantity;
    private long price;
    private long averagePrice;
    private long tradeTime;

    OrderValidator(final TimeWindow timeWindow)
    {
        this.timeWindow = timeWindow;
    }

    /** An event object starts without an order. */
    void beginEvent()
    {
        orderSeen = false;
    }

    void beginOrder()
    {
        orderSeen = true;
        symbolLength = (int)ABSENT;
        symbolInvalid = false;
        side = (int)ABSENT;
        quantity = ABSENT;
        filledQuantity = ABSENT;
        price = ABSENT;
        averagePrice = ABSENT;
        tradeTime = ABSENT;
    }

    void symbol(final int type, final byte[] text, final int offset, final int length)
    {
        if (type != ValueType.STRING || length == 0 || length > SymbolTable.MAX_SYMBOL_LENGTH)
        {
            symbolLength = 0;
            symbolInvalid = true;
            return;
        }
        System.arraycopy(text, offset, symbolBytes, 0, length);
        symbolLength = length;
        symbolInvalid = false;
    }

    void side(final int type, final byte[] text, final int offset, final int length)
    {
        side(type, text, offset, length, "BUY", "SELL");
    }

    /** The order's side from a venue's words for what is a {@link Side#BUY} and a {@link Side#SELL} order there. */
    void side(
        final int type, final byte[] text, final int offset, final int length, final String buy, final String sell)
    {
        if (type != ValueType.STRING)
        {
            side = INVALID_SIDE;
        }
        else if (FieldValues.textEquals(text, offset, length, buy))
        {
            side = Side.BUY.ordinal();
        }
        else
        {
            side = FieldValues.textEquals(text, offset, length, sell) ? Side.SELL.ordinal() : INVALID_SIDE;
        }
    }

    /** A side its reader already read: an ordinal of {@link Side}, absent, or below that for an invalid one. */
    void parsedSide(final int parsedSide)
    {
        side = parsedSide < ABSENT ? INVALID_SIDE : parsedSide;
    }

    /** A quantity its reader already computed, in {@link FieldValues}' convention (a value, absent or an error). */
    void parsedQuantity(final long quantityE8)
    {
        quantity = quantityE8;
    }

    /** A price its reader already read, in {@link FieldValues}' convention. */
    void parsedPrice(final long priceE8)
    {
        price = priceE8;
    }

    /** A symbol its reader already resolved: {@code length} ASCII bytes, at most {@code MAX_SYMBOL_LENGTH}. */
    void parsedSymbol(final byte[] name, final int length)
    {
        System.arraycopy(name, 0, symbolBytes, 0, length);
        symbolLength = length;
        symbolInvalid = false;
    }

    void quantity(final int type, final byte[] text, final int offset, final int length)
    {
        quantity = FieldValues.decimalE8(type, text, offset, length);
    }

    void filledQuantity(final int type, final byte[] text, final int offset, final int length)
    {
        filledQuantity = FieldValues.decimalE8(type, text, offset, length);
    }

    void price(final int type, final byte[] text, final int offset, final int length)
    {
        price = FieldValues.decimalE8(type, text, offset, length);
    }

    void averagePrice(final int type, final byte[] text, final int offset, final int length)
    {
        averagePrice = FieldValues.decimalE8(type, text, offset, length);
    }

    void tradeTime(final int type, final byte[] text, final int offset, final int length)
    {
        tradeTime = FieldValues.millis(type, text, offset, length);
    }

    /** A trade time its reader already parsed: a valid JSON integer of at most 15 digits. */
    void parsedTradeTime(final long timeMs)
    {
        tradeTime = timeMs;
    }

    /** Whether validation will look at the quantity: the filled quantity read so far is absent or zero. */
    boolean needsQuantity()
    {
        return filledQuantity == ABSENT || filledQuantity == 0;
    }

    /** Whether validation will look at the price: the average price read so far is absent or zero. */
    boolean needsPrice()
    {
        return averagePrice == ABSENT || averagePrice == 0;
    }

    /** Why the order of the event just read cannot be accepted, or null if it can. */
    RejectReason validate(final long eventTimeMs)
    {
        if (!orderSeen || symbolLength == ABSENT || side == ABSENT)
        {
            return RejectReason.MISSING_FIELD;
        }
        if (symbolInvalid)
        {
            return RejectReason.INVALID_SYMBOL;
        }
        if (side < 0)
        {
            return RejectReason.INVALID_SIDE;
        }
        final RejectReason quantityReason = checkAmount(filledQuantity, quantity);
        if (quantityReason != null)
        {
            return quantityReason;
        }
        final RejectReason priceReason = checkAmount(averagePrice, price);
        if (priceReason != null)
        {
            return priceReason;
        }
        if (FieldValues.isError(tradeTime))
        {
            return FieldValues.reasonOf(tradeTime);
        }
        if (FieldValues.isError(eventTimeMs))
        {
            return FieldValues.reasonOf(eventTimeMs);
        }
        final long timeMs = tradeTimeMs(eventTimeMs);
        if (timeMs == ABSENT)
        {
            return RejectReason.MISSING_FIELD;
        }
        return timeWindow.isAbsurd(timeMs) ? RejectReason.ABSURD_TIMESTAMP : null;
    }

    byte[] symbolBytes()
    {
        return symbolBytes;
    }

    int symbolLength()
    {
        return symbolLength;
    }

    int side()
    {
        return side;
    }

    long quantityE8()
    {
        return filledQuantity > 0 ? filledQuantity : quantity;
    }

    long priceE8()
    {
        return averagePrice > 0 ? averagePrice : price;
    }

    long tradeTimeMs(final long eventTimeMs)
    {
        return tradeTime > 0 ? tradeTime : eventTimeMs;
    }

    long eventTimeMs(final long eventTimeMs)
    {
        return eventTimeMs > 0 ? eventTimeMs : tradeTime;
    }

    /** Checks the preferred amount ({@code z}, {@code ap}) if positive, else the fallback ({@code q}, {@code p}). */
    private static RejectReason checkAmount(final long preferred, final long fallback)
    {
        if (FieldValues.isError(preferred))
        {
            return FieldValues.reasonOf(preferred);
        }
        if (preferred > 0)
        {
            return null;
        }
        if (FieldValues.isError(fallback))
        {
            return FieldValues.reasonOf(fallback);
        }
        if (fallback == ABSENT)
        {
            return preferred == ABSENT ? RejectReason.MISSING_FIELD : RejectReason.NON_POSITIVE;
        }
        return fallback == 0 ? RejectReason.NON_POSITIVE : null;
    }
}
