package io.liqvol.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingBatchTest
{
    private static final long TIME_MS = 1_650_000_000_000L;

    private final BatchFixture fixture = new BatchFixture();
    private final PendingBatch batch = fixture.batch;

    @BeforeEach
    void setUp()
    {
        batch.begin();
    }

    @Test
    void shouldCountNothingUntilCommitted()
    {
        addOrder("BTCUSDT", "2", TIME_MS);
        batch.ignore();
        addOrder("BTCUSDT", "0", TIME_MS);

        assertThat(fixture.counters.accepted()).isZero();
        assertThat(fixture.counters.ignored()).isZero();
        assertThat(fixture.counters.rejectedTotal()).isZero();
    }

    @Test
    void shouldAcceptRejectAndIgnoreOnCommit()
    {
        addOrder("BTCUSDT", "2", TIME_MS);
        addOrder("ETHUSDT", "0", TIME_MS);
        addOrder("ETHUSDT", "3", TIME_MS + 1);
        batch.ignore();

        final FrameEvent event = fixture.commit();

        assertThat(event.count).isEqualTo(2);
        assertThat(fixture.liquidation(0)).isEqualTo("BTCUSDT SELL 200000000 10000000000 " + TIME_MS + " " + TIME_MS);
        assertThat(fixture.liquidation(1)).startsWith("ETHUSDT SELL 300000000");
        assertThat(fixture.counters.accepted()).isEqualTo(2);
        assertThat(fixture.counters.rejected(RejectReason.NON_POSITIVE)).isEqualTo(1);
        assertThat(fixture.counters.ignored()).isEqualTo(1);
    }

    @Test
    void shouldAddAForceOrderAndIgnoreOnlyWhatWrapsNothingOrIsAnotherEvent()
    {
        addOrder("BTCUSDT", "2", TIME_MS);
        batch.endObject(false, fixture.order, TIME_MS, false);
        batch.endObject(false, fixture.order, TIME_MS, true);
        batch.endObject(true, fixture.order, TIME_MS + 1, true);

        assertThat(fixture.commit().count).isEqualTo(2);
        assertThat(fixture.liquidation(1)).endsWith((TIME_MS + 1) + " " + (TIME_MS + 1));
        assertThat(fixture.counters.ignored()).isEqualTo(1);
    }

    @Test
    void shouldDropADuplicateWithinAndAcrossBatches()
    {
        addOrder("BTCUSDT", "2", TIME_MS);
        addOrder("BTCUSDT", "2", TIME_MS);
        assertThat(fixture.commit().count).isEqualTo(1);

        batch.begin();
        addOrder("BTCUSDT", "2", TIME_MS);
        assertThat(fixture.commit().count).isZero();
        assertThat(fixture.counters.duplicates()).isEqualTo(2);
    }

    @Test
    void shouldForgetWhatAnEarlierFrameHeldOnBegin()
    {
        addOrder("BTCUSDT", "2", TIME_MS);
        batch.ignore();
        batch.begin();

        assertThat(fixture.commit().count).isZero();
        assertThat(fixture.counters.ignored()).isZero();
    }

    @Test
    void shouldFlagMoreLiquidationsThanAnEventHolds()
    {
        for (int i = 0; i < FrameEvent.MAX_LIQUIDATIONS; i++)
        {
            addOrder("BTCUSDT", "2", TIME_MS + i);
        }
        assertThat(batch.tooMany()).isFalse();

        addOrder("BTCUSDT", "2", TIME_MS + 99);
        assertThat(batch.tooMany()).isTrue();

        batch.begin();
        assertThat(batch.tooMany()).isFalse();
    }

    @Test
    void shouldRejectSymbolsTheTableRefuses()
    {
        for (int i = 0; i < 4; i++)
        {
            addOrder("SYM" + i, "1", TIME_MS);
        }
        addOrder("ONEMORE", "1", TIME_MS);
        addOrder("lower", "1", TIME_MS);

        assertThat(fixture.commit().count).isEqualTo(4);
        assertThat(fixture.counters.rejected(RejectReason.SYMBOL_TABLE_FULL)).isEqualTo(1);
        assertThat(fixture.counters.rejected(RejectReason.INVALID_SYMBOL)).isEqualTo(1);
    }

    private void addOrder(final String symbol, final String quantity, final long timeMs)
    {
        final OrderValidator order = fixture.order;
        order.beginEvent();
        order.beginOrder();
        order.symbol(ValueType.STRING, AsciiText.of(symbol), 0, symbol.length());
        order.side(ValueType.STRING, AsciiText.of("SELL"), 0, 4);
        order.quantity(ValueType.STRING, AsciiText.of(quantity), 0, quantity.length());
        order.price(ValueType.INTEGER, AsciiText.of("100"), 0, 3);
        batch.add(order, timeMs);
    }
}
