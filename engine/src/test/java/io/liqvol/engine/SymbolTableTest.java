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

    private int intern(final String symbol)
    {
        final byte[] text = AsciiText.of(("##" + symbol));
        return table.intern(text, 2, symbol.length());
    }
}
