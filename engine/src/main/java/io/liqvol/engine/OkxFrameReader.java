package io.liqvol.engine;

import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads an OKX v5 {@code liquidation-orders} push into the {@link PendingBatch}: {@code
 * {"arg":{…},"data":[{"instId":"BTC-USDT-SWAP",…,"details":[{"side":"sell","bkPx":"43000.1","sz":"12",
 * "ts":"1700000000000",…}]}]}}. {@code side} is the order's side already; {@code sz} is in contracts, converted exactly
 * with the instrument's registered contract size; an instrument registered with a scale (OKX's PEPE as {@code
 * 1000PEPEUSDT}) has its price multiplied and its quantity divided by it, exactly. An element may name its instrument
 * after its details, so they wait in arrays here until the element ends. A detail of an instrument not registered is
 * rejected ({@link RejectReason#UNKNOWN_INSTRUMENT}). A frame without a {@code data} array is malformed (the upstream
 * client keeps acks and pongs from the engine). Decode thread only.
 */
final class OkxFrameReader
{
    private static final int OKX = Venue.OKX.ordinal();
    private static final int INVALID_SIDE = -2;

    private final JsonCursor json = new JsonCursor();
    private final OrderValidator order;
    private final PendingBatch batch;
    private final AtomicReference<InstrumentTable> instruments;
    private final JsonCursor.ObjectReader element = this::readElement;
    private final JsonCursor.ObjectReader detail = this::readDetail;
    private InstrumentTable table;
    private final byte[] instrument = new byte[SymbolTable.MAX_SYMBOL_LENGTH];
    /** -1: absent; 0: present but not a name this reads. */
    private int instrumentLength;
    private int details;
    /** Per detail, the side's ordinal, absent or {@link #INVALID_SIDE}. */
    private final int[] sides = new int[FrameEvent.MAX_LIQUIDATIONS];
    /** Per detail, in {@link FieldValues}' convention: contracts (E8), bankruptcy price, time. */
    private final long[] contractsE8 = new long[FrameEvent.MAX_LIQUIDATIONS];
    private final ScaledPrice[] prices = new ScaledPrice[FrameEvent.MAX_LIQUIDATIONS];
    private final long[] timesMs = new long[FrameEvent.MAX_LIQUIDATIONS];

    OkxFrameReader(
        final OrderValidator order, final PendingBatch batch, final AtomicReference<InstrumentTable> instruments)
    {
        this.order = order;
        this.batch = batch;
        this.instruments = instruments;
        for (int i = 0; i < prices.length; i++)
        {
            prices[i] = new ScaledPrice();
        }
    }

    /** False if the frame is not a complete push; the batch then holds a part of it, to be discarded. */
    boolean read(final byte[] frame, final int length)
    {
        table = instruments.get();
        return json.readDataArray(frame, length, element);
    }

    /** One instrument's element: its name and details, then its liquidations into the batch. */
    private boolean readElement() throws IOException
    {
        instrumentLength = -1;
        details = 0;
        while (true)
        {
            final JsonToken value = json.nextFieldValue();
            if (value == null)
            {
                return false;
            }
            if (value == JsonToken.END_OBJECT)
            {
                addDetails();
                return true;
            }
            final String name = json.currentName();
            if ("details".equals(name))
            {
                if (value != JsonToken.START_ARRAY || !json.readObjects(detail))
                {
                    return false;
                }
            }
            else
            {
                if ("instId".equals(name))
                {
                    readInstrument(value);
                }
                if (!json.skipValue(value))
                {
                    return false;
                }
            }
        }
    }

    private void readInstrument(final JsonToken value) throws IOException
    {
        final int length = json.textLength();
        instrumentLength = value == JsonToken.VALUE_STRING && length <= instrument.length ? length : 0;
        System.arraycopy(json.valueText(), 0, instrument, 0, instrumentLength);
    }

    private boolean readDetail() throws IOException
    {
        final int at = details < FrameEvent.MAX_LIQUIDATIONS ? details : -1;
        details++;
        if (at >= 0)
        {
            sides[at] = (int)FieldValues.ABSENT;
            contractsE8[at] = FieldValues.ABSENT;
            prices[at].absent();
            timesMs[at] = FieldValues.ABSENT;
        }
        while (true)
        {
            final JsonToken value = json.nextFieldValue();
            if (value == null)
            {
                return false;
            }
            if (value == JsonToken.END_OBJECT)
            {
                return true;
            }
            if (at >= 0)
            {
                readField(at, value);
            }
            if (!json.skipValue(value))
            {
                return false;
            }
        }
    }

    private void readField(final int at, final JsonToken value) throws IOException
    {
        final int type = JsonCursor.typeOf(value);
        final byte[] text = json.valueText();
        final int length = json.textLength();
        switch (json.currentName())
        {
            case "side":
                sides[at] = type != ValueType.STRING ? INVALID_SIDE
                    : FieldValues.textEquals(text, 0, length, "buy") ? Side.BUY.ordinal()
                    : FieldValues.textEquals(text, 0, length, "sell") ? Side.SELL.ordinal() : INVALID_SIDE;
                break;
            case "sz":
                contractsE8[at] = FieldValues.decimalE8(type, text, 0, length);
                break;
            case "bkPx":
                prices[at].read(type, text, length);
                break;
            case "ts":
                timesMs[at] = FieldValues.millis(type, text, 0, length);
                break;
            default:
                break;
        }
    }

    private void addDetails()
    {
        if (details > FrameEvent.MAX_LIQUIDATIONS)
        {
            batch.overflow();
            return;
        }
        final int slot = instrumentLength > 0 ? table.find(OKX, instrument, 0, instrumentLength) : -1;
        for (int i = 0; i < details; i++)
        {
            if (slot < 0)
            {
                batch.reject(instrumentLength < 0 ? RejectReason.MISSING_FIELD
                    : instrumentLength == 0 ? RejectReason.INVALID_SYMBOL : RejectReason.UNKNOWN_INSTRUMENT);
                continue;
            }
            final byte[] symbol = table.symbol(slot);
            order.beginEvent();
            order.beginOrder();
            order.parsedSymbol(symbol, symbol.length);
            order.parsedSide(sides[i]);
            final int scaleDigits = table.scaleDigits(slot);
            order.parsedQuantity(FieldValues.dividedByPowerOfTen(
                quantityE8(contractsE8[i], table.contractSizeE8(slot)), scaleDigits));
            order.parsedPrice(prices[i].valueE8(scaleDigits));
            order.parsedTradeTime(timesMs[i]);
            batch.add(order, FieldValues.ABSENT);
        }
    }

    /** Contracts × contract size, exact, in {@link FieldValues}' convention. */
    private static long quantityE8(final long contractsE8, final long contractSizeE8)
    {
        if (contractsE8 <= 0)
        {
            return contractsE8;
        }
        final long quantityE8 = FixedPoint.multiplyE8(contractsE8, contractSizeE8);
        return quantityE8 >= 0 ? quantityE8 : FieldValues.error(FixedPoint.rejectReasonOf(quantityE8));
    }
}
