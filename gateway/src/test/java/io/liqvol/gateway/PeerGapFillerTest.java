package io.liqvol.gateway;

import io.liqvol.engine.EngineContext;
import io.liqvol.engine.Gap;
import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;
import io.liqvol.gateway.server.ServerConfig;
import io.liqvol.gateway.simulator.SimulatorConfig;
import io.liqvol.gateway.testing.Await;
import io.liqvol.gateway.testing.TempDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeerGapFillerTest
{
    private static final String ALL_MARKET = "!forceOrder@arr";

    private Gateway peer;
    private LiqvolEngine local;
    private PeerGapFiller filler;
    private long gapFromMs;
    private long gapToMs;

    @BeforeEach
    void setUp() throws Exception
    {
        peer = Gateway.start(GatewayConfig.parse(new String[] {"--simulate", "--port", "0", "--data-dir",
                TempDirs.create("liqvol-peer").toString()}, Map.of()),
            new SimulatorConfig().generateFlow(false), new ServerConfig().port(0));
        Await.until("the peer subscribed", () -> peer.simulator().subscriberCount(ALL_MARKET) == 1);
        final long nowMs = System.currentTimeMillis();
        gapFromMs = nowMs - 60_000;
        gapToMs = nowMs - 10_000;
        peer.simulator().injectFrame(ALL_MARKET, forceOrder("BTCUSDT", "SELL", "0.5", "64000.1", gapFromMs - 5_000));
        peer.simulator().injectFrame(ALL_MARKET, forceOrder("BTCUSDT", "BUY", "0.014", "64001.25", gapFromMs + 1_000));
        peer.simulator().injectFrame(ALL_MARKET, forceOrder("BTCUSDT", "SELL", "1.2", "63990", gapToMs - 1_000));
        peer.simulator().injectFrame(ALL_MARKET, forceOrder("ETHUSDT", "SELL", "3.75", "3400.55", gapFromMs + 2_000));
        peer.simulator().injectFrame(ALL_MARKET, forceOrder("ETHUSDT", "BUY", "2", "3401", gapToMs + 5_000));
        Await.until("the peer published 5", () -> peer.engine().counters().published() == 5);

        local = LiqvolEngine.launch(new EngineContext());
        filler = new PeerGapFiller(URI.create("http://127.0.0.1:" + peer.port()), local, HttpClient.newHttpClient());
    }

    @AfterEach
    void tearDown()
    {
        local.close();
        peer.close();
    }

    @Test
    void shouldFillTheGapWithExactlyThePeersLiquidationsInside() throws Exception
    {
        final PeerGapFiller.Report report = filler.fill(new Gap(gapFromMs, gapToMs)).get(30, TimeUnit.SECONDS);

        assertThat(report.symbolsFailed()).isZero();
        assertThat(report.symbolsAsked()).isGreaterThanOrEqualTo(2);
        assertThat(report.liquidationsInGap()).isEqualTo(3);
        Await.until("3 published", () -> local.counters().published() == 3);
        assertThat(local.recentLiquidations("BTCUSDT", 10)).isEqualTo(insideGap(peerRows("BTCUSDT")));
        assertThat(local.recentLiquidations("ETHUSDT", 10)).isEqualTo(insideGap(peerRows("ETHUSDT")));
        assertThat(local.recentLiquidations("BTCUSDT", 10).get(0).notional()).isEqualByComparingTo("76788");
    }

    @Test
    void shouldAddNothingWhenTheSameGapIsFilledTwice() throws Exception
    {
        filler.fill(new Gap(gapFromMs, gapToMs)).get(30, TimeUnit.SECONDS);
        Await.until("3 published", () -> local.counters().published() == 3);

        filler.fill(new Gap(gapFromMs, gapToMs)).get(30, TimeUnit.SECONDS);
        Await.until("3 duplicates", () -> local.counters().duplicates() == 3);

        assertThat(local.counters().published()).isEqualTo(3);
    }

    @Test
    void shouldFailTheFillWhenThePeerIsUnreachable()
    {
        final PeerGapFiller unreachable = new PeerGapFiller(URI.create("http://127.0.0.1:1"), local,
            HttpClient.newHttpClient());

        assertThatThrownBy(() -> unreachable.fill(new Gap(gapFromMs, gapToMs)).get(30, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(ConnectException.class);
        assertThat(local.counters().received()).isZero();
    }

    @Test
    void shouldReadRowsExactlyAndMarkWhatItCannotRead()
    {
        final List<PeerGapFiller.PeerLiquidation> rows = PeerGapFiller.liquidationsOf((
            "{\"symbol\":\"BTCUSDT\",\"data\":[{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.014\","
                + "\"avgPrice\":\"9910.12345678\",\"timestamp\":1700000000000,\"extra\":{\"a\":[1]}},"
                + "{\"side\":\"LONG\",\"quantity\":\"0.123456789\",\"avgPrice\":\"x\",\"timestamp\":1,"
                + "\"exchange\":\"okx\"},{\"exchange\":\"kraken\"}]}")
            .getBytes(StandardCharsets.UTF_8));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).side).isEqualTo(Side.BUY);
        assertThat(rows.get(0).venue).as("a row without exchange is Binance's").isEqualTo(Venue.BINANCE);
        assertThat(rows.get(1).venue).isEqualTo(Venue.OKX);
        assertThat(rows.get(2).venue).as("an exchange it does not know").isNull();
        assertThat(rows.get(0).quantityE8).isEqualTo(1_400_000L);
        assertThat(rows.get(0).priceE8).isEqualTo(991_012_345_678L);
        assertThat(rows.get(0).timeMs).isEqualTo(1_700_000_000_000L);
        assertThat(rows.get(1).side).isNull();
        assertThat(rows.get(1).quantityE8).isEqualTo(-1);
        assertThat(rows.get(1).priceE8).isEqualTo(-1);
        assertThat(PeerGapFiller.symbolsOf("[{\"symbol\":\"BTCUSDT\",\"baseAsset\":\"BTC\"},{\"symbol\":\"ETHUSDT\"}]"
            .getBytes(StandardCharsets.UTF_8))).containsExactly("BTCUSDT", "ETHUSDT");
    }

    private List<LiquidationSnapshot> peerRows(final String symbol)
    {
        return peer.engine().recentLiquidations(symbol, 10);
    }

    private List<LiquidationSnapshot> insideGap(final List<LiquidationSnapshot> rows)
    {
        return rows.stream().filter(row -> row.tradeTimeMs() >= gapFromMs && row.tradeTimeMs() <= gapToMs).toList();
    }

    private static String forceOrder(final String symbol, final String side, final String quantity, final String price,
        final long timeMs)
    {
        return "{\"e\":\"forceOrder\",\"E\":" + timeMs + ",\"o\":{\"s\":\"" + symbol + "\",\"S\":\"" + side
            + "\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"" + quantity + "\",\"p\":\"" + price + "\",\"ap\":\"" + price
            + "\",\"X\":\"FILLED\",\"l\":\"" + quantity + "\",\"z\":\"" + quantity + "\",\"T\":" + timeMs + "}}";
    }
}
