package io.liqvol.gateway.upstream;

import io.liqvol.engine.Gap;
import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatedSymbol;
import io.liqvol.gateway.simulator.SimulatorConfig;
import io.liqvol.gateway.simulator.VenueLiquidation;
import io.liqvol.gateway.testing.Await;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class VenueUpstreamTest
{
    private static final Pattern BYBIT_ENTRY = Pattern.compile(
        "\\{\"T\":(\\d+),\"s\":\"([A-Z0-9]+)\",\"S\":\"(Buy|Sell)\",\"v\":\"([0-9.]+)\",\"p\":\"([0-9.]+)\"}");
    private static final Pattern OKX_ENTRY = Pattern.compile(
        "\\{\"details\":\\[(.*?)],\"instFamily\":\"[^\"]*\",\"instId\":\"([^\"]+)\"");
    private static final Pattern OKX_DETAIL = Pattern.compile(
        "\"bkPx\":\"([0-9.]+)\",\"ccy\":\"\",\"posSide\":\"(long|short)\",\"side\":\"(buy|sell)\",\"sz\":\"([0-9.]+)\","
            + "\"ts\":\"(\\d+)\"");

    private static EventLoopGroup group;

    /** Everything the sinks saw, in order: frames as text, instruments as {@code instrument …}. */
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final Map<String, VenueInstrument> instruments = new HashMap<>();
    private final List<Gap> gaps = new CopyOnWriteArrayList<>();
    private final List<VenueLiquidation> sent = new CopyOnWriteArrayList<>();

    private record Key(String symbol, Side side, BigDecimal quantity, BigDecimal price, long tradeTimeMs)
    {
        static Key of(final VenueLiquidation liquidation)
        {
            return new Key(liquidation.canonicalSymbol(), liquidation.side(),
                liquidation.baseQuantity().stripTrailingZeros(), liquidation.price().stripTrailingZeros(),
                liquidation.tradeTimeMs());
        }
    }

    @BeforeAll
    static void startGroup()
    {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopGroup()
    {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private VenueUpstream upstream(final Venue venue, final UpstreamConfig config, final List<String> symbols)
    {
        final VenueFrameSink sink = (frameVenue, buffer, offset, length, receiveTimeNs) ->
        {
            assertThat(frameVenue).isEqualTo(venue);
            final String frame = text(buffer, offset, length);
            frames.add(frame);
            events.add(frame);
            return true;
        };
        final InstrumentSink instrumentSink = (instrumentVenue, venueSymbol, canonical, contractSizeE8) ->
        {
            assertThat(instrumentVenue).isEqualTo(venue);
            synchronized (instruments)
            {
                instruments.put(venueSymbol, new VenueInstrument(venueSymbol, canonical, contractSizeE8));
            }
            events.add("instrument " + venueSymbol);
        };
        return new VenueUpstream(venue, config, symbols, sink, instrumentSink, gaps::add, group);
    }

    private static String text(final DirectBuffer buffer, final int offset, final int length)
    {
        return buffer.getStringWithoutLengthUtf8(offset, length);
    }

    private static UpstreamConfig fast(final Venue venue, final ExchangeSimulator simulator)
    {
        return VenueUpstream.defaults(venue)
            .wsBaseUrl(venue == Venue.BYBIT ? simulator.bybitWsUrl() : simulator.okxWsUrl())
            .restBaseUrl(simulator.restBaseUrl())
            .initialBackoffMs(20).maxBackoffMs(100).controlIntervalMs(5).liveTimeoutMs(5_000);
    }

    private static SimulatorConfig flowing()
    {
        return new SimulatorConfig().generateFlow(false).venueBatchMs(50).venueLiquidationsPerBatch(6);
    }

    @Test
    void shouldShardBybitTopicsByTheArgsLimitAndDeliverEveryPushUnchanged()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(flowing());
             VenueUpstream bybit = upstream(Venue.BYBIT,
                 fast(Venue.BYBIT, simulator).maxStreamsPerConnection(8).pingIntervalMs(100).idleTimeoutMs(2_000),
                 List.of()))
        {
            simulator.addVenueLiquidationListener(sent::add);
            bybit.start();
            Await.until("bybit live", () -> bybit.status().connected());
            assertThat(bybit.instruments()).hasSize(simulator.config().symbols().size());
            assertThat(bybit.shardCount()).isEqualTo(3);
            assertThat(simulator.venueConnectionCount(Venue.BYBIT)).isEqualTo(3);
            assertThat(simulator.venueSubscribeErrors(Venue.BYBIT)).isZero();
            Await.until("pushes", () -> sent.size() >= 120);
            final List<Key> reference = keys(List.copyOf(sent));
            Await.until("every push received", () -> bybitKeys().containsAll(reference));
            assertThat(frames).allMatch(frame -> frame.startsWith("{\"topic\":\"allLiquidation."));
            Await.until("nothing received that was not sent", () -> keys(sent).containsAll(bybitKeys()));
            assertThat(notional(reference)).isEqualByComparingTo(notional(bybitKeys().stream()
                .filter(reference::contains).toList()));
            Await.until("pings", () -> simulator.venuePings(Venue.BYBIT) >= 6);
            assertThat(simulator.venueKeepAliveCuts(Venue.BYBIT)).isZero();
            assertThat(bybit.counters().subscriptionErrors()).isZero();
        }
    }

    @Test
    void shouldCountBybitRefusalsOfTooManyArgsAndKeepThemFromTheSink()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(flowing().bybitMaxArgs(4));
             VenueUpstream bybit = upstream(Venue.BYBIT, fast(Venue.BYBIT, simulator).maxStreamsPerMessage(5),
                 List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT", "BNBUSDT")))
        {
            bybit.start();
            Await.until("refusals", () -> bybit.counters().subscriptionErrors() >= 1);
            assertThat(simulator.venueSubscribeErrors(Venue.BYBIT)).isGreaterThanOrEqualTo(1);
            Await.until("live with what was accepted", () -> bybit.status().connected());
            Await.pause(300);
            assertThat(frames).allMatch(frame -> frame.startsWith("{\"topic\":\"allLiquidation."));
            assertThat(instruments).containsKeys("BTCUSDT", "DOGEUSDT");
            assertThat(instruments.get("BTCUSDT").contractSizeE8()).isEqualTo(100_000_000L);
        }
    }

    @Test
    void shouldRecordAGapAndResubscribeWhenBybitDropsTheConnection()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(flowing());
             VenueUpstream bybit = upstream(Venue.BYBIT, fast(Venue.BYBIT, simulator), List.of("BTCUSDT")))
        {
            bybit.start();
            Await.until("bybit live", () -> bybit.status().connected());
            final int gapsBefore = gaps.size();
            simulator.dropVenueConnections(Venue.BYBIT);
            Await.until("gap recorded", () -> gaps.size() == gapsBefore + 1);
            assertThat(bybit.status().connected()).isTrue();
            assertThat(bybit.status().reconnects()).isGreaterThanOrEqualTo(1);
            final Gap gap = gaps.get(gaps.size() - 1);
            assertThat(gap.toMs()).isGreaterThanOrEqualTo(gap.fromMs());
            final int framesBefore = frames.size();
            Await.until("pushes again", () -> frames.size() > framesBefore);
        }
    }

    @Test
    void shouldRegisterOkxContractValuesExactlyBeforeSubscribingAndDeliverPushesWhole()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(flowing());
             VenueUpstream okx = upstream(Venue.OKX, fast(Venue.OKX, simulator), List.of()))
        {
            simulator.addVenueLiquidationListener(sent::add);
            okx.start();
            Await.until("okx live", () -> okx.status().connected());
            assertThat(instruments).doesNotContainKey("BTC-USD-SWAP").hasSize(simulator.config().symbols().size());
            assertThat(instruments.get("BTC-USDT-SWAP"))
                .isEqualTo(new VenueInstrument("BTC-USDT-SWAP", "BTCUSDT", 1_000_000L));
            assertThat(instruments.get("DOGE-USDT-SWAP").contractSizeE8()).isEqualTo(1_000_000_000L);
            Await.until("pushes", () -> sent.size() >= 120);
            final List<Key> reference = keys(List.copyOf(sent));
            final Set<String> binanceLists = simulator.config().symbols().stream().map(SimulatedSymbol::symbol)
                .collect(Collectors.toSet());
            Await.until("every push received", () -> okxKeys(binanceLists).containsAll(reference));
            final int firstFrame = events.indexOf(frames.get(0));
            assertThat(events.subList(0, firstFrame)).allMatch(event -> event.startsWith("instrument "));
            assertThat(frames).allMatch(frame -> frame.startsWith("{\"arg\":{\"channel\":\"liquidation-orders\""));
            assertThat(frames).anyMatch(frame -> OKX_ENTRY.matcher(frame).results().count() > 1);
            Await.until("nothing received that was not sent", () -> keys(sent).containsAll(okxKeys(binanceLists)));
            assertThat(notional(reference)).isEqualByComparingTo(notional(okxKeys(binanceLists).stream()
                .filter(reference::contains).toList()));
        }
    }

    @Test
    void shouldPingOkxWhenSilentAndStayConnectedPastItsSilenceCut()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(
            new SimulatorConfig().generateFlow(false).venueLiquidationsPerBatch(0).okxSilenceTimeoutMs(600));
             VenueUpstream okx = upstream(Venue.OKX,
                 fast(Venue.OKX, simulator).pingIntervalMs(200).idleTimeoutMs(1_000), List.of()))
        {
            okx.start();
            Await.until("okx live", () -> okx.status().connected());
            Await.pause(1_500);
            assertThat(simulator.venuePings(Venue.OKX)).isGreaterThanOrEqualTo(3);
            assertThat(simulator.venueKeepAliveCuts(Venue.OKX)).isZero();
            assertThat(okx.status().reconnects()).isZero();
            assertThat(frames).isEmpty();
        }
    }

    @Test
    void shouldReconnectWithAGapWhenOkxCutsASilentConnection()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(
            new SimulatorConfig().generateFlow(false).venueLiquidationsPerBatch(0).okxSilenceTimeoutMs(300));
             VenueUpstream okx = upstream(Venue.OKX,
                 fast(Venue.OKX, simulator).pingIntervalMs(20_000).idleTimeoutMs(30_000), List.of()))
        {
            okx.start();
            Await.until("okx live", () -> okx.status().connected());
            Await.until("cut and reconnected", () -> simulator.venueKeepAliveCuts(Venue.OKX) >= 1
                && okx.status().reconnects() >= 1 && okx.status().connected() && !gaps.isEmpty());
            assertThat(gaps.get(0).toMs()).isGreaterThanOrEqualTo(gaps.get(0).fromMs());
        }
    }

    private static List<Key> keys(final List<VenueLiquidation> liquidations)
    {
        return liquidations.stream().map(Key::of).toList();
    }

    private Set<Key> bybitKeys()
    {
        final Set<Key> keys = new HashSet<>();
        for (final String frame : frames)
        {
            final Matcher entry = BYBIT_ENTRY.matcher(frame);
            while (entry.find())
            {
                // Bybit's S is the position's side: "Buy" (a long liquidated) is Binance's SELL order.
                keys.add(new Key(entry.group(2), "Buy".equals(entry.group(3)) ? Side.SELL : Side.BUY,
                    new BigDecimal(entry.group(4)).stripTrailingZeros(),
                    new BigDecimal(entry.group(5)).stripTrailingZeros(), Long.parseLong(entry.group(1))));
            }
        }
        return keys;
    }

    /** The liquidations of the OKX frames received, under the symbols the gateway records them as (scaled, §9). */
    private Set<Key> okxKeys(final Set<String> binanceLists)
    {
        final Set<Key> keys = new HashSet<>();
        for (final String frame : frames)
        {
            final Matcher entry = OKX_ENTRY.matcher(frame);
            while (entry.find())
            {
                final VenueInstrument instrument;
                synchronized (instruments)
                {
                    instrument = instruments.get(entry.group(2));
                }
                final ScaledSymbol scaled = ScaledSymbol.of(instrument.canonicalSymbol(), binanceLists::contains);
                final BigDecimal units = BigDecimal.valueOf(scaled.units());
                final BigDecimal contractValue = BigDecimal.valueOf(instrument.contractSizeE8(), 8);
                final Matcher detail = OKX_DETAIL.matcher(entry.group(1));
                while (detail.find())
                {
                    keys.add(new Key(scaled.symbol(), "sell".equals(detail.group(3)) ? Side.SELL : Side.BUY,
                        new BigDecimal(detail.group(4)).multiply(contractValue).divide(units).stripTrailingZeros(),
                        new BigDecimal(detail.group(1)).multiply(units).stripTrailingZeros(),
                        Long.parseLong(detail.group(5))));
                }
            }
        }
        return keys;
    }

    private static BigDecimal notional(final List<Key> keys)
    {
        BigDecimal total = BigDecimal.ZERO;
        for (final Key key : new ArrayList<>(keys))
        {
            total = total.add(key.quantity().multiply(key.price()));
        }
        return total;
    }
}
