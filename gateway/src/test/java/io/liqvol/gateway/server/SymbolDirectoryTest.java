package io.liqvol.gateway.server;

import io.liqvol.engine.Venue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SymbolDirectoryTest
{
    private static final SymbolFormat BTC = new SymbolFormat("BTCUSDT", "BTC", "USDT", 3, 2, "TRADING");
    private static final SymbolFormat ETH = new SymbolFormat("ETHUSDT", "ETH", "USDT", 3, 2, "TRADING");

    @Test
    void shouldListEverySymbolOfAnyVenueWithTheVenuesListingIt()
    {
        final SymbolDirectory directory = new SymbolDirectory();
        directory.replace(List.of(ETH, BTC));
        directory.listedOn(Venue.OKX, "BTCUSDT");
        directory.listedOn(Venue.BYBIT, "BTCUSDT");
        directory.listedOn(Venue.BYBIT, "NEWUSDT");

        assertThat(directory.listed()).extracting(SymbolFormat::symbol)
            .containsExactly("BTCUSDT", "ETHUSDT", "NEWUSDT");
        assertThat(directory.venues("BTCUSDT")).isEqualTo(0b111);
        assertThat(directory.venues("ETHUSDT")).isEqualTo(1 << Venue.BINANCE.ordinal());
        assertThat(directory.venues("NEWUSDT")).isEqualTo(1 << Venue.BYBIT.ordinal());
        assertThat(directory.venues("OLDUSDT")).isZero();
        assertThat(directory.isListed("NEWUSDT")).isTrue();
        assertThat(directory.isListed("OLDUSDT")).isFalse();
        assertThat(directory.format("BTCUSDT")).isEqualTo(BTC);
        assertThat(directory.format("NEWUSDT")).isEqualTo(new SymbolFormat("NEWUSDT", "NEW", "USDT",
            SymbolFormat.UNKNOWN_PRECISION, SymbolFormat.UNKNOWN_PRECISION, "TRADING"));
        assertThat(directory.format("OLDUSDT").status()).isEqualTo("UNLISTED");
    }

    @Test
    void shouldKeepOtherVenuesListingsWhenBinancesListIsReplaced()
    {
        final SymbolDirectory directory = new SymbolDirectory();
        directory.listedOn(Venue.OKX, "BTCUSDT");
        directory.replace(List.of(BTC));

        assertThat(directory.venues("BTCUSDT")).isEqualTo(1 << Venue.BINANCE.ordinal() | 1 << Venue.OKX.ordinal());
        directory.replace(List.of(ETH));
        assertThat(directory.venues("BTCUSDT")).isEqualTo(1 << Venue.OKX.ordinal());
        assertThat(directory.listed()).extracting(SymbolFormat::symbol).containsExactly("BTCUSDT", "ETHUSDT");
    }
}
