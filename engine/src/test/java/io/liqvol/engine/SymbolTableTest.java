package io.liqvol.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SymbolTableTest
{
    private final SymbolTable table = new SymbolTable(3);

    @Test
    void shouldInternSymbolsToDenseIds()
    {
        assertThat(intern("BTCUSDT")).isEqualTo(0);
        assertThat(intern("ETHUSDT")).isEqualTo(1);
        assertThat(intern("BTCUSDT")).isEqualTo(0);
        assertThat(table.nameOf(1)).isEqualTo("ETHUSDT");
        assertThat(table.idOf("ETHUSDT")).isEqualTo(1);
        assertThat(table.idOf("SOLUSDT")).isEqualTo(-1);
        assertThat(table.names()).containsExactly("BTCUSDT", "ETHUSDT");
    }

    @Test
    void shouldRefuseInvalidSymbolsAndNewOnesWhenFull()
    {
        assertThat(intern("btcusdt")).isEqualTo(SymbolTable.INVALID);
        assertThat(intern("BTC-USDT")).isEqualTo(SymbolTable.INVALID);
        assertThat(intern("")).isEqualTo(SymbolTable.INVALID);
        assertThat(intern("A".repeat(SymbolTable.MAX_SYMBOL_LENGTH + 1))).isEqualTo(SymbolTable.INVALID);
        assertThat(intern("BTCUSDT_250328")).isEqualTo(0);
        intern("A");
        intern("B");

        assertThat(intern("C")).isEqualTo(SymbolTable.FULL);
        assertThat(intern("A")).isEqualTo(1);
    }

    @Test
    void shouldRefuseSymbolsBeyondTheMemoryBudgetCountingEachOnce()
    {
        final EngineCounters counters = new EngineCounters();
        final SymbolTable budgeted = new SymbolTable(4, 2, counters);

        assertThat(intern(budgeted, "BTCUSDT")).isEqualTo(0);
        assertThat(intern(budgeted, "ETHUSDT")).isEqualTo(1);
        assertThat(intern(budgeted, "SOLUSDT")).isEqualTo(SymbolTable.OVER_BUDGET);
        assertThat(intern(budgeted, "SOLUSDT")).isEqualTo(SymbolTable.OVER_BUDGET);
        assertThat(intern(budgeted, "BTCUSDT")).isEqualTo(0);
        assertThat(intern(budgeted, "XRPUSDT")).isEqualTo(SymbolTable.OVER_BUDGET);
        assertThat(intern(budgeted, "DOGEUSDT")).isEqualTo(SymbolTable.FULL);

        assertThat(counters.symbolsRefused()).isEqualTo(2);
        assertThat(budgeted.idOf("SOLUSDT")).isEqualTo(-1);
        assertThat(budgeted.names()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(budgeted.admittedSymbols()).isEqualTo(2);
        assertThat(new SymbolTable(4, 9, counters).admittedSymbols()).as("never more than the table").isEqualTo(4);
    }

    @Test
    void shouldSpendTheBudgetPerVenueOfASymbolAndRefuseAVenueBeyondIt()
    {
        final EngineCounters counters = new EngineCounters();
        // 15 bytes for a symbol on its first venue, 5 for each further one
        final SymbolTable budgeted = new SymbolTable(4, 40, 10, 5, counters);
        assertThat(budgeted.admittedSymbols()).isEqualTo(2);

        assertThat(intern(budgeted, Venue.BINANCE, "BTCUSDT")).isEqualTo(0);
        assertThat(intern(budgeted, Venue.BYBIT, "BTCUSDT")).isEqualTo(0);
        assertThat(intern(budgeted, Venue.OKX, "BTCUSDT")).isEqualTo(0);
        assertThat(intern(budgeted, Venue.OKX, "ETHUSDT")).isEqualTo(1);
        assertThat(intern(budgeted, Venue.BINANCE, "ETHUSDT")).isEqualTo(SymbolTable.OVER_BUDGET);
        assertThat(intern(budgeted, Venue.BINANCE, "ETHUSDT")).isEqualTo(SymbolTable.OVER_BUDGET);
        assertThat(intern(budgeted, Venue.OKX, "ETHUSDT")).isEqualTo(1);
        assertThat(intern(budgeted, Venue.BINANCE, "SOLUSDT")).isEqualTo(SymbolTable.OVER_BUDGET);

        assertThat(counters.symbolsRefused()).as("ETHUSDT on Binance, then SOLUSDT").isEqualTo(2);
        assertThat(budgeted.idOf("ETHUSDT")).isEqualTo(1);
    }

    private static int intern(final SymbolTable into, final Venue venue, final String symbol)
    {
        final byte[] text = AsciiText.of(symbol);
        return into.intern(venue.ordinal(), text, 0, symbol.length());
    }

    private int intern(final String symbol)
    {
        return intern(table, symbol);
    }

    private static int intern(final SymbolTable into, final String symbol)
    {
        final byte[] text = AsciiText.of(("##" + symbol));
        return into.intern(text, 2, symbol.length());
    }
}
