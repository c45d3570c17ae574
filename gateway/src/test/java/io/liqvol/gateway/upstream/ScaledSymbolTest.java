package io.liqvol.gateway.upstream;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScaledSymbolTest
{
    private static final Set<String> BINANCE = Set.of("BTCUSDT", "1000PEPEUSDT", "1000000MOGUSDT", "1000SHIBUSDT",
        "SHIBUSDC", "1000FLOKIUSDT", "FLOKIUSDT");

    @Test
    void shouldMapAnAssetBinanceListsOnlyPerAPowerOfTenOfUnits()
    {
        assertThat(ScaledSymbol.of("PEPEUSDT", BINANCE::contains)).isEqualTo(new ScaledSymbol("1000PEPEUSDT", 1000));
        assertThat(ScaledSymbol.of("MOGUSDT", BINANCE::contains))
            .isEqualTo(new ScaledSymbol("1000000MOGUSDT", 1_000_000));
        assertThat(ScaledSymbol.of("SHIBUSDT", BINANCE::contains)).isEqualTo(new ScaledSymbol("1000SHIBUSDT", 1000));
    }

    @Test
    void shouldKeepASymbolBinanceListsAsItIsOrNotAtAll()
    {
        assertThat(ScaledSymbol.of("BTCUSDT", BINANCE::contains)).isEqualTo(new ScaledSymbol("BTCUSDT", 1));
        assertThat(ScaledSymbol.of("1000PEPEUSDT", BINANCE::contains))
            .isEqualTo(new ScaledSymbol("1000PEPEUSDT", 1));
        assertThat(ScaledSymbol.of("FLOKIUSDT", BINANCE::contains)).isEqualTo(new ScaledSymbol("FLOKIUSDT", 1));
        assertThat(ScaledSymbol.of("NEWUSDT", BINANCE::contains)).isEqualTo(new ScaledSymbol("NEWUSDT", 1));
        assertThat(ScaledSymbol.of("SHIBUSDC", Set.of("1000SHIBUSDC")::contains))
            .isEqualTo(new ScaledSymbol("SHIBUSDC", 1));
    }
}
