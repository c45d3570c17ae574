package io.liqvol.engine;

import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a Bybit v5 {@code allLiquidation.{symbol}} push into the {@link PendingBatch}: {@code
 * {"topic":…,"type":"snapshot","ts":…,"data":[{"T":…,"s":"BTCUSDT","S":"Buy","v":"0.003","p":"43511.70"}]}}. {@code S}
 * is the side of the liquidated position, so "Buy" (a long) is a {@link Side#SELL} order. Bybit's linear symbols are
 * canonical already, unless registered otherwise: a Bybit {@code PEPEUSDT} registered as {@code 1000PEPEUSDT} with a
 * scale has its price multiplied and its quantity divided by it. The upstream client keeps control frames (acks, pongs)
 * from the engine, so a frame without a {@code data} array is malformed. Decode thread only.
 */
final class BybitFrameReader
{
    private static final int BYBIT = Venue.BYBIT.ordinal();

    private final JsonCursor json = new JsonCursor();
    private final OrderValidator order;
    private final PendingBatch batch;
    private final JsonCursor.ObjectReader liquidation = this::readLiquidation;
    private final AtomicReference<InstrumentTable> instruments;
    private final ScaledPrice price = new ScaledPrice();
    private InstrumentTable table;

    BybitFrameReader(
        final OrderValidator order, final PendingBatch batch, final AtomicReference<InstrumentTable> instruments)
    {
        this.order = order;
        this.batch = batch;
        this.instruments = instruments;
    }

    /** False if the frame is not a complete push; the batch then holds a part of it, to be discarded. */
    boolean read(final byte[] frame, final int length)
    {
        table = instruments.get();
        return json.readDataArray(frame, length, liquidation);
    }

    /** A symbol registered under another canonical name takes that name and its scale. */
    private void canonicalize()
    {
        final int slot = order.symbolLength() > 0
            ? table.find(BYBIT, order.symbolBytes(), 0, order.symbolLength()) : -1;
        if (slot < 0)
        {
            order.parsedPrice(price.valueE8(0));
            return;
        }
        final byte[] symbol = table.symbol(slot);
        final int scaleDigits = table.scaleDigits(slot);
        order.parsedSymbol(symbol, symbol.length);
        order.parsedQuantity(FieldValues.dividedByPowerOfTen(order.quantityE8(), scaleDigits));
        order.parsedPrice(price.valueE8(scaleDigits));
    }

    private boolean readLiquidation() throws IOException
    {
        order.beginEvent();
        order.beginOrder();
        price.absent();
        while (true)
        {
            final JsonToken value = json.nextFieldValue();
            if (value == null)
            {
                return false;
            }
            if (value == JsonToken.END_OBJECT)
            {
                canonicalize();
                batch.add(order, FieldValues.ABSENT);
                return true;
            }
            final int type = JsonCursor.typeOf(value);
            final byte[] text = json.valueText();
            final int length = json.textLength();
            switch (json.currentName())
            {
                case "T":
                    order.tradeTime(type, text, 0, length);
                    break;
                case "s":
                    order.symbol(type, text, 0, length);
                    break;
                case "S":
                    order.side(type, text, 0, length, "Sell", "Buy");
                    break;
                case "v":
                    order.quantity(type, text, 0, length);
                    break;
                case "p":
                    price.read(type, text, length);
                    break;
                default:
                    break;
            }
            if (!json.skipValue(value))
            {
                return false;
            }
        }
    }
}
