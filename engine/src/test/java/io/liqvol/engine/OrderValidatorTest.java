package io.liqvol.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class OrderValidatorTest
{
    private static final long NOW_MS = 1_700_000_000_000L;
    private static final long TIME_MS = 1_650_000_000_000L;

    private final OrderValidator order = new OrderValidator(
        new TimeWindow(() -> NOW_MS, EngineContext.DEFAULT_MIN_TIME_MS, EngineContext.DEFAULT_MAX_FUTURE_SKEW_MS));

    @BeforeEach
    void setUp()
    {
        order.beginEvent();
        order.beginOrder();
        string("s", "BTCUSDT");
        string("S", "SELL");
        string("q", "2");
        string("p", "100");
        integer("T", Long.toString(TIME_MS));
    }

    @Test
    void shouldAcceptACompleteOrder()
    {
        assertThat(order.validate(FieldValues.ABSENT)).isNull();
        assertThat(new String(order.symbolBytes(), 0, order.symbolLength(), StandardCharsets.US_ASCII))
            .isEqualTo("BTCUSDT");
        assertThat(order.side()).isEqualTo(Side.SELL.ordinal());
        assertThat(order.quantityE8()).isEqualTo(200_000_000L);
        assertThat(order.priceE8()).isEqualTo(10_000_000_000L);
        assertThat(order.tradeTimeMs(FieldValues.ABSENT)).isEqualTo(TIME_MS);
        assertThat(order.eventTimeMs(FieldValues.ABSENT)).isEqualTo(TIME_MS);
    }

    @Test
    void shouldPreferFilledQuantityAndAveragePriceWhenPositive()
    {
        string("z", "1.5");
        string("ap", "101");

        assertThat(order.validate(FieldValues.ABSENT)).isNull();
        assertThat(order.quantityE8()).isEqualTo(150_000_000L);
        assertThat(order.priceE8()).isEqualTo(10_100_000_000L);
    }

    @Test
    void shouldFallBackToQuantityAndPriceWhenFilledAndAverageAreZero()
    {
        string("z", "0");
        string("ap", "0");

        assertThat(order.validate(FieldValues.ABSENT)).isNull();
        assertThat(order.quantityE8()).isEqualTo(200_000_000L);
        assertThat(order.priceE8()).isEqualTo(10_000_000_000L);
    }

    @Test
    void shouldTakeTheEventTimeWithoutATradeTimeAndTheOtherWayRound()
    {
        integer("T", "0");
        assertThat(order.validate(TIME_MS + 5)).isNull();
        assertThat(order.tradeTimeMs(TIME_MS + 5)).isEqualTo(TIME_MS + 5);

        integer("T", Long.toString(TIME_MS));
        assertThat(order.eventTimeMs(FieldValues.ABSENT)).isEqualTo(TIME_MS);
        assertThat(order.eventTimeMs(TIME_MS + 7)).isEqualTo(TIME_MS + 7);
    }

    @Test
    void shouldKeepTheLastValueOfAFieldReadTwice()
    {
        string("S", "LONG");
        string("S", "BUY");

        assertThat(order.validate(FieldValues.ABSENT)).isNull();
        assertThat(order.side()).isEqualTo(Side.BUY.ordinal());
    }

    @Test
    void shouldFindNoOrderInAnEventWithoutOne()
    {
        order.beginEvent();

        assertThat(order.validate(TIME_MS)).isEqualTo(RejectReason.MISSING_FIELD);
    }

    @Test
    void shouldRejectAnOrderWithoutAnyTime()
    {
        order.beginOrder();
        string("s", "BTCUSDT");
        string("S", "SELL");
        string("q", "2");
        string("p", "100");

        assertThat(order.validate(FieldValues.ABSENT)).isEqualTo(RejectReason.MISSING_FIELD);
    }

    @Test
    void shouldGiveEachReasonInOrder()
    {
        string("s", "");
        string("S", "LONG");
        assertThat(order.validate(FieldValues.ABSENT)).isEqualTo(RejectReason.INVALID_SYMBOL);
        string("s", "BTCUSDT");
        assertThat(order.validate(FieldValues.ABSENT)).isEqualTo(RejectReason.INVALID_SIDE);
        order.side(ValueType.OTHER, null, 0, 0);
        assertThat(order.validate(FieldValues.ABSENT)).isEqualTo(RejectReason.INVALID_SIDE);
        string("S", "BUY");
        string("q", "0");
        assertThat(order.validate(FieldValues.ABSENT)).isEqualTo(RejectReason.NON_POSITIVE);
        string("q", "1");
        string("ap", "0.123456789");
        assertThat(order.validate(FieldValues.ABSENT)).isEqualTo(RejectReason.TOO_PRECISE);
        string("ap", "100");
        integer("T", "12345");
        assertThat(order.validate(FieldValues.ABSENT)).isEqualTo(RejectReason.ABSURD_TIMESTAMP);
        order.tradeTime(ValueType.FLOAT, AsciiText.of("1.5"), 0, 3);
        assertThat(order.validate(FieldValues.ABSENT)).isEqualTo(RejectReason.INVALID_NUMBER);
        integer("T", Long.toString(TIME_MS));
        assertThat(order.validate(FieldValues.error(RejectReason.ABSURD_TIMESTAMP)))
            .isEqualTo(RejectReason.ABSURD_TIMESTAMP);
    }

    @Test
    void shouldRejectAMissingOrZeroFallbackAmount()
    {
        order.beginOrder();
        string("s", "BTCUSDT");
        string("S", "SELL");
        string("p", "100");
        integer("T", Long.toString(TIME_MS));
        assertThat(order.validate(FieldValues.ABSENT)).isEqualTo(RejectReason.MISSING_FIELD);

        string("z", "0");
        assertThat(order.validate(FieldValues.ABSENT)).isEqualTo(RejectReason.NON_POSITIVE);
    }

    @Test
    void shouldTreatANonStringOrOverlongSymbolAsInvalid()
    {
        order.symbol(ValueType.INTEGER, AsciiText.of("1"), 0, 1);
        assertThat(order.validate(FieldValues.ABSENT)).isEqualTo(RejectReason.INVALID_SYMBOL);

        string("s", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFG");
        assertThat(order.validate(FieldValues.ABSENT)).isEqualTo(RejectReason.INVALID_SYMBOL);
    }

    @Test
    void shouldNeedTheQuantityAndPriceOnlyWhileTheFilledOnesAreAbsentOrZero()
    {
        assertThat(order.needsQuantity()).isTrue();
        assertThat(order.needsPrice()).isTrue();
        string("z", "0");
        string("ap", "0");
        assertThat(order.needsQuantity()).isTrue();
        assertThat(order.needsPrice()).isTrue();
        string("z", "1.5");
        string("ap", "-1");
        assertThat(order.needsQuantity()).isFalse();
        assertThat(order.needsPrice()).as("an invalid average price is the reject reason").isFalse();
    }

    @Test
    void shouldTakeATradeTimeItsReaderParsed()
    {
        order.parsedTradeTime(TIME_MS + 1);

        assertThat(order.validate(FieldValues.ABSENT)).isNull();
        assertThat(order.tradeTimeMs(FieldValues.ABSENT)).isEqualTo(TIME_MS + 1);
    }

    private void string(final String field, final String text)
    {
        set(field, ValueType.STRING, text);
    }

    private void integer(final String field, final String text)
    {
        set(field, ValueType.INTEGER, text);
    }

    private void set(final String field, final int type, final String text)
    {
        final byte[] chars = AsciiText.of(text);
        switch (field)
        {
            case "s":
                order.symbol(type, chars, 0, chars.length);
                break;
            case "S":
                order.side(type, chars, 0, chars.length);
                break;
            case "q":
                order.quantity(type, chars, 0, chars.length);
                break;
            case "z":
                order.filledQuantity(type, chars, 0, chars.length);
                break;
            case "p":
                order.price(type, chars, 0, chars.length);
                break;
            case "ap":
                order.averagePrice(type, chars, 0, chars.length);
                break;
            default:
                order.tradeTime(type, chars, 0, chars.length);
                break;
        }
    }
}
