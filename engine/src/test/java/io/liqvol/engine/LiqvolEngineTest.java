package io.liqvol.engine;

import io.liqvol.engine.journal.OrderFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiqvolEngineTest
{
    private static final long NOW_MS = 1_732_000_000_000L;
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "1000PEPEUSDT", "XRPUSDT"};

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "stageThreads {0}")
    @ValueSource(ints = {1, 2, 4})
    void shouldMatchABigDecimalReferenceExactlyForEveryTimeframe(final int stageThreads) throws Exception
    {
        // Windows that hold all five days: every bucket is in memory and every one is published.
        assertMatchesBigDecimalReference(context().stageThreads(stageThreads).bucketsPerTimeframe(8192), true);
    }

    @Test
    void shouldMatchABigDecimalReferenceWithOlderBucketsFromTheJournalsRollups() throws Exception
    {
        // The default windows hold hours to months: older buckets of the five days come from the roll-ups.
        assertMatchesBigDecimalReference(context().stageThreads(4).dataDir(dataDir), false);
    }

    private static void assertMatchesBigDecimalReference(final EngineContext context, final boolean allInMemory)
        throws Exception
    {
        final SplittableRandom random = new SplittableRandom(2024);
        final long spanMs = 5 * 86_400_000L;
        final Map<String, Totals> reference = new HashMap<>();
        final Map<String, BucketSnapshot> lastPublished = new ConcurrentHashMap<>();
        final List<String> mismatches = new CopyOnWriteArrayList<>();
        final EngineListener listener = checkingListener(new HashMap<>(), mismatches, lastPublished);

        final int liquidations = 100_000;
        final LiqvolEngine engine = LiqvolEngine.launch(context.listener(listener));
        try
        {
            for (int n = 0; n < liquidations; n++)
            {
                final String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
                final String side = random.nextBoolean() ? "BUY" : "SELL";
                final String quantity = decimal(random, 1_000_000, random.nextInt(0, 4));
                final String price = decimal(random, 120_000, random.nextInt(0, 8));
                final long timeMs = NOW_MS - spanMs + random.nextLong(spanMs);
                ingest(engine, FrameDecoderTest.order(symbol, side, quantity, price, timeMs));

                final LiquidationSnapshot expected = new LiquidationSnapshot(symbol, Side.valueOf(side),
                    new BigDecimal(quantity), new BigDecimal(price),
                    new BigDecimal(quantity).multiply(new BigDecimal(price)), timeMs, timeMs);
                for (final Timeframe timeframe : Timeframe.values())
                {
                    reference.computeIfAbsent(key(symbol, timeframe, timeframe.alignDownMs(timeMs)), k -> new Totals())
                        .add(expected);
                }
            }
            awaitPublished(engine, liquidations - engine.counters().duplicates());

            assertThat(engine.counters().stageErrors()).isZero();
            if (allInMemory)
            {
                assertThat(engine.counters().beyondWindow()).isZero();
            }
            else
            {
                assertThat(engine.counters().beyondWindow()).isPositive();
            }
            assertThat(mismatches).as(mismatches.isEmpty() ? "" : mismatches.get(0)).isEmpty();
            for (final String symbol : SYMBOLS)
            {
                for (final Timeframe timeframe : Timeframe.values())
                {
                    final List<BucketSnapshot> buckets = engine.volume(symbol, timeframe, NOW_MS - spanMs, NOW_MS);
                    long count = 0;
                    for (final BucketSnapshot bucket : buckets)
                    {
                        final Totals expected = reference.get(key(symbol, timeframe, bucket.startTimeMs()));
                        if (expected == null)
                        {
                            assertThat(bucket.count()).isZero();
                            assertThat(bucket.totalNotional()).isEqualByComparingTo(BigDecimal.ZERO);
                            continue;
                        }
                        assertThat(expected.matches(bucket)).as("%s vs %s", bucket, expected).isTrue();
                        count += bucket.count();
                    }
                    assertThat(count).isPositive();
                }
            }
        }
        finally
        {
            engine.close();
        }
        if (allInMemory)
        {
            // Closed, so every batch has ended: the last update of each bucket carries its final totals.
            assertThat(lastPublished).hasSameSizeAs(reference);
            reference.forEach((key, expected) -> assertThat(expected.matches(lastPublished.get(key))).as(key).isTrue());
        }
    }

    /** Checks each published bucket against the liquidations listeners were handed before it. */
    private static EngineListener checkingListener(
        final Map<String, Totals> handedSoFar,
        final List<String> mismatches,
        final Map<String, BucketSnapshot> lastPublished)
    {
        return new EngineListener()
        {
            @Override
            public void onLiquidation(final LiquidationView liquidation)
            {
                final LiquidationSnapshot snapshot = liquidation.toSnapshot();
                for (final Timeframe timeframe : Timeframe.values())
                {
                    handedSoFar.computeIfAbsent(key(snapshot.symbol(), timeframe,
                        timeframe.alignDownMs(snapshot.tradeTimeMs())), k -> new Totals()).add(snapshot);
                }
            }

            @Override
            public void onBucketChanged(final BucketView bucket)
            {
                final BucketSnapshot snapshot = bucket.toSnapshot();
                final String key = key(snapshot.symbol(), snapshot.timeframe(), snapshot.startTimeMs());
                if (!handedSoFar.get(key).matches(snapshot))
                {
                    mismatches.add(
                        key + " published " + snapshot + " but listeners were handed " + handedSoFar.get(key));
                }
                lastPublished.put(key, snapshot);
            }
        };
    }

    @Test
    void shouldPublishABurstAsOneUpdatePerBucketPerBatch() throws Exception
    {
        final AtomicReference<LiqvolEngine> running = new AtomicReference<>();
        final CountDownLatch burstWritten = new CountDownLatch(1);
        final AtomicBoolean first = new AtomicBoolean(true);
        final List<BucketSnapshot> minuteUpdates = new CopyOnWriteArrayList<>();
        final AtomicInteger updatesThisBatch = new AtomicInteger();
        final AtomicInteger mostUpdatesInABatch = new AtomicInteger();
        final long minuteMs = Timeframe.M1.alignDownMs(NOW_MS - 30_000);
        final EngineListener listener = new EngineListener()
        {
            @Override
            public void onLiquidation(final LiquidationView liquidation)
            {
                if (first.getAndSet(false))
                {
                    // Hold the publisher until the whole burst is aggregated, so that it finds it in one batch.
                    awaitQuietly(burstWritten);
                    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (running.get().volume("BTCUSDT", Timeframe.M1, minuteMs, minuteMs + 1).get(0).count() < 500
                        && System.nanoTime() < deadline)
                    {
                        Thread.onSpinWait();
                    }
                }
            }

            @Override
            public void onBucketChanged(final BucketView bucket)
            {
                if (bucket.timeframe() == Timeframe.M1)
                {
                    minuteUpdates.add(bucket.toSnapshot());
                    mostUpdatesInABatch.accumulateAndGet(updatesThisBatch.incrementAndGet(), Math::max);
                }
            }

            @Override
            public void onBatchEnd()
            {
                updatesThisBatch.set(0);
            }
        };
        // One thread per stage: the aggregate stage must run ahead while the publisher is held.
        final LiqvolEngine engine = LiqvolEngine.launch(context().stageThreads(4).listener(listener));
        try
        {
            running.set(engine);
            for (int i = 0; i < 500; i++)
            {
                ingest(engine, FrameDecoderTest.order("BTCUSDT", "SELL", "0.001", "50000", NOW_MS - 30_000 + i));
            }
            burstWritten.countDown();
            awaitPublished(engine, 500);
        }
        finally
        {
            engine.close();
        }

        assertThat(mostUpdatesInABatch.get()).isEqualTo(1);
        assertThat(minuteUpdates).hasSizeLessThanOrEqualTo(3);
        final BucketSnapshot last = minuteUpdates.get(minuteUpdates.size() - 1);
        assertThat(last.sellCount()).isEqualTo(500);
        assertThat(last.sellNotional()).isEqualByComparingTo("25000");
        assertThat(last.sellQuantity()).isEqualByComparingTo("0.5");
    }

    @Test
    void shouldAnswerRecentLiquidationsNewestFirst() throws Exception
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(context().recentLiquidationsPerSymbol(50)))
        {
            for (int i = 0; i < 80; i++)
            {
                ingest(engine, FrameDecoderTest.order("ETHUSDT", i % 2 == 0 ? "BUY" : "SELL", "1." + i, "3000",
                    NOW_MS - 100_000 + i));
            }
            awaitPublished(engine, 80);

            final List<LiquidationSnapshot> recent = engine.recentLiquidations("ETHUSDT", 10);
            assertThat(recent).hasSize(10);
            assertThat(recent.get(0).tradeTimeMs()).isEqualTo(NOW_MS - 100_000 + 79);
            assertThat(recent.get(0).quantity()).isEqualByComparingTo("1.79");
            assertThat(recent.get(0).notional()).isEqualByComparingTo("5370");
            assertThat(engine.recentLiquidations("ETHUSDT", 1000)).hasSize(50);
            assertThat(engine.recentLiquidations("NOPEUSDT", 10)).isEmpty();
        }
    }

    @Test
    void shouldAnswerRecentLiquidationsAndOrdersOfTheSelectedVenues(@TempDir final Path dir) throws Exception
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(context().dataDir(dir)))
        {
            final Venue[] venues = {Venue.BINANCE, Venue.OKX, Venue.BYBIT, Venue.OKX};
            for (int i = 0; i < venues.length; i++)
            {
                engine.ingestLiquidation(venues[i], "ETHUSDT", Side.BUY, (i + 1) * 100_000_000L, 3_000 * 100_000_000L,
                    NOW_MS - 1_000 + i, 0);
            }
            awaitPublished(engine, venues.length);

            assertThat(engine.recentLiquidations("ETHUSDT", Venues.mask(Venue.OKX), 10))
                .extracting(LiquidationSnapshot::tradeTimeMs).containsExactly(NOW_MS - 997, NOW_MS - 999);
            assertThat(engine.recentLiquidations("ETHUSDT", Venues.mask(Venue.BINANCE, Venue.BYBIT), 1))
                .extracting(LiquidationSnapshot::venue).containsExactly(Venue.BYBIT);
            assertThat(engine.recentLiquidations("ETHUSDT", 10)).hasSize(4);
            final List<Integer> orderVenues = new ArrayList<>();
            engine.orders(new OrderFilter("ETHUSDT", 0, Long.MAX_VALUE, OrderFilter.ANY_SIDE, 0,
                    Venues.mask(Venue.BYBIT, Venue.OKX)), false, null, 10, Long.MAX_VALUE,
                (venue, symbol, side, tradeTimeMs, quantityE8, priceE8) -> orderVenues.add(venue));
            assertThat(orderVenues).containsExactly(Venue.OKX.ordinal(), Venue.BYBIT.ordinal(), Venue.OKX.ordinal());
            final long minuteMs = Timeframe.M1.alignDownMs(NOW_MS - 1_000);
            assertThat(engine.volume("ETHUSDT", Venues.mask(Venue.OKX), Timeframe.M1, minuteMs, minuteMs + 1).get(0)
                .buyQuantity()).isEqualByComparingTo("6");
        }
    }

    @Test
    void shouldCountMalformedVenueFramesUnderTheirVenueAndGoOn() throws Exception
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            engine.registerInstrument(Venue.OKX, "IOST-USDT-SWAP", "IOSTUSDT", 1_000 * 100_000_000L);
            ingest(engine, Venue.BYBIT, "{\"topic\":\"allLiquidation.BTCUSDT\",\"data\":[1]}");
            ingest(engine, Venue.OKX, "{\"data\":[{\"instId\":\"IOST-USDT-SWAP\",\"details\":[{\"side\"");
            ingest(engine, Venue.BYBIT, BybitFrameReaderTest.DOCUMENTED);
            ingest(engine, Venue.OKX, OkxFrameReaderTest.DOCUMENTED);
            ingest(engine, FrameDecoderTest.order("BTCUSDT", "BUY", "0.5", "40000", NOW_MS));
            awaitPublished(engine, 3);

            final EngineCounters counters = engine.counters();
            assertThat(counters.rejected(Venue.BYBIT, RejectReason.MALFORMED_JSON)).isEqualTo(1);
            assertThat(counters.rejected(Venue.OKX, RejectReason.MALFORMED_JSON)).isEqualTo(1);
            assertThat(counters.rejectedTotal(Venue.BINANCE)).isZero();
            assertThat(counters.rejected(RejectReason.MALFORMED_JSON)).isEqualTo(2);
            for (final Venue venue : Venue.values())
            {
                assertThat(counters.accepted(venue)).as(venue.code()).isEqualTo(1);
            }
            assertThat(counters.received(Venue.BYBIT)).isEqualTo(2);
            assertThat(counters.received(Venue.OKX)).isEqualTo(2);
            assertThat(counters.received(Venue.BINANCE)).isEqualTo(1);
            assertThat(counters.received()).isEqualTo(5);
            assertThat(counters.stageErrors()).isZero();
        }
    }

    @Test
    void shouldServeConsistentBucketsToQueriesWhileIngesting() throws Exception
    {
        final AtomicReference<String> torn = new AtomicReference<>();
        final AtomicBoolean done = new AtomicBoolean();
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            final long timeMs = NOW_MS - 10_000;
            ingest(engine, FrameDecoderTest.order("BTCUSDT", "BUY", "0.5", "40000", timeMs));
            awaitPublished(engine, 1);
            final Thread reader = new Thread(() ->
            {
                long lastCount = 0;
                while (!done.get())
                {
                    final BucketSnapshot bucket = engine.volume("BTCUSDT", Timeframe.H1, timeMs, timeMs + 1).get(0);
                    final BigDecimal expected = new BigDecimal(20_000).multiply(BigDecimal.valueOf(bucket.buyCount()));
                    if (bucket.buyNotional().compareTo(expected) != 0 || bucket.buyCount() < lastCount)
                    {
                        torn.set(bucket.toString());
                    }
                    lastCount = bucket.buyCount();
                }
            });
            reader.start();
            for (int i = 1; i < 20_000; i++)
            {
                ingest(engine, FrameDecoderTest.order("BTCUSDT", "BUY", "0.5", "40000", timeMs + i % 1000 + 1 + i));
            }
            awaitPublished(engine, 20_000);
            done.set(true);
            reader.join();

            assertThat(torn.get()).isNull();
            assertThat(engine.volume("BTCUSDT", Timeframe.H1, timeMs, timeMs + 1).get(0).buyCount()).isEqualTo(20_000);
        }
    }

    @Test
    void shouldDrainTheRingOnCloseAndRefuseInputAfterwards()
    {
        final List<Long> handed = new ArrayList<>();
        final LiqvolEngine engine = LiqvolEngine.launch(context().listener(new EngineListener()
        {
            @Override
            public void onLiquidation(final LiquidationView liquidation)
            {
                handed.add(liquidation.tradeTimeMs());
            }

            @Override
            public void onBucketChanged(final BucketView bucket)
            {
            }
        }));
        for (int i = 0; i < 5_000; i++)
        {
            ingest(engine, FrameDecoderTest.order("BTCUSDT", "BUY", "1", "1", NOW_MS - 50_000 + i));
        }
        engine.close();

        assertThat(engine.counters().received()).isEqualTo(5_000);
        assertThat(engine.counters().rejectedTotal()).isZero();
        assertThat(handed).hasSize(5_000);
        assertThat(engine.ingestLiquidation("BTCUSDT", Side.BUY, 1, 1, NOW_MS, NOW_MS)).isFalse();
    }

    @Test
    void shouldRecordGapsAndTellListeners() throws Exception
    {
        final List<Gap> heard = new CopyOnWriteArrayList<>();
        try (LiqvolEngine engine = LiqvolEngine.launch(context().listener(gapListener(heard))))
        {
            engine.recordGap(NOW_MS - 5_000, NOW_MS - 1_000);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (engine.gaps().isEmpty() && System.nanoTime() < deadline)
            {
                Thread.sleep(5);
            }

            assertThat(engine.gaps()).containsExactly(new Gap(NOW_MS - 5_000, NOW_MS - 1_000));
            assertThat(heard).containsExactly(new Gap(NOW_MS - 5_000, NOW_MS - 1_000));
            assertThatThrownBy(() -> engine.recordGap(2, 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldRecordAGapOfTheKindGivenAndKeepItsKindInTheJournal() throws Exception
    {
        final List<Gap> heard = new CopyOnWriteArrayList<>();
        try (LiqvolEngine engine = LiqvolEngine.launch(context().dataDir(dataDir).liveRecording(false)
            .listener(gapListener(heard))))
        {
            engine.recordGap(Venue.BINANCE, NOW_MS - 5_000, NOW_MS - 1_000, GapKind.DOWNTIME);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (heard.isEmpty() && System.nanoTime() < deadline)
            {
                Thread.sleep(5);
            }
        }
        try (LiqvolEngine engine = LiqvolEngine.launch(context().dataDir(dataDir).liveRecording(false)))
        {
            assertThat(heard).containsExactly(new Gap(NOW_MS - 5_000, NOW_MS - 1_000, GapKind.DOWNTIME));
            assertThat(engine.gaps()).containsExactly(new Gap(NOW_MS - 5_000, NOW_MS - 1_000, GapKind.DOWNTIME));
        }
    }

    @Test
    void shouldRecordTheDowntimeSinceAnOrderlyStopAsAGapThroughTheStagesAtTheNextStart() throws Exception
    {
        final AtomicLong clockMs = new AtomicLong(NOW_MS);
        try (LiqvolEngine engine = LiqvolEngine.launch(context().epochClock(clockMs::get).dataDir(dataDir)))
        {
            engine.ingestLiquidation("BTCUSDT", Side.BUY, 100_000_000, 100_000_000, NOW_MS - 60_000, 0);
            awaitPublished(engine, 1);
            assertThat(engine.recordingSinceMs()).isEqualTo(NOW_MS);
            clockMs.set(NOW_MS + 5_000);
        }

        clockMs.set(NOW_MS + 65_000);
        final List<Gap> heard = new CopyOnWriteArrayList<>();
        try (LiqvolEngine engine =
            LiqvolEngine.launch(context().epochClock(clockMs::get).dataDir(dataDir).listener(gapListener(heard))))
        {
            final Gap downtime = new Gap(NOW_MS + 5_000, NOW_MS + 65_000, GapKind.DOWNTIME);
            awaitGaps(engine, 1);
            assertThat(engine.gaps()).containsExactly(downtime);
            assertThat(heard).containsExactly(downtime);
            assertThat(engine.recordingSinceMs()).isEqualTo(NOW_MS);
        }

        try (LiqvolEngine engine = LiqvolEngine.launch(context().epochClock(clockMs::get).dataDir(dataDir)))
        {
            assertThat(engine.recovery().gaps()).isEqualTo(1);
            assertThat(engine.gaps()).containsExactly(new Gap(NOW_MS + 5_000, NOW_MS + 65_000, GapKind.DOWNTIME));
        }
    }

    @Test
    void shouldCountDeclaredHistoryAsRecordedAcrossARestartWithoutListingIt() throws Exception
    {
        final AtomicLong clockMs = new AtomicLong(NOW_MS);
        final long historyFromMs = NOW_MS - 86_400_000L;
        try (LiqvolEngine engine = LiqvolEngine.launch(context().epochClock(clockMs::get).dataDir(dataDir)))
        {
            engine.ingestLiquidation("BTCUSDT", Side.BUY, 100_000_000, 100_000_000, NOW_MS - 3_600_000, 0);
            assertThat(engine.recordHistory(historyFromMs, NOW_MS)).isTrue();
            engine.drain();
            assertThat(engine.recordingSinceMs()).isEqualTo(historyFromMs);
            assertThat(engine.gaps()).isEmpty();
            clockMs.set(NOW_MS + 1_000);
        }
        clockMs.set(NOW_MS + 2_000);
        try (LiqvolEngine engine = LiqvolEngine.launch(context().epochClock(clockMs::get).dataDir(dataDir)))
        {
            assertThat(engine.recordingSinceMs()).isEqualTo(historyFromMs);
            assertThat(engine.recovery().liquidations()).isEqualTo(1);
            assertThat(engine.recovery().gaps()).isZero();
            assertThatThrownBy(() -> engine.recordHistory(NOW_MS, NOW_MS - 1))
                .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldRecordNoDowntimeOnAFirstStartNorWithoutAJournal() throws Exception
    {
        final AtomicLong clockMs = new AtomicLong(NOW_MS);
        try (LiqvolEngine engine = LiqvolEngine.launch(context().epochClock(clockMs::get).dataDir(dataDir)
            .heartbeatIntervalMs(1)))
        {
            clockMs.set(NOW_MS + 1_000);
            engine.recordGap(NOW_MS + 10, NOW_MS + 20);
            awaitGaps(engine, 1);
            assertThat(engine.gaps()).containsExactly(new Gap(NOW_MS + 10, NOW_MS + 20, GapKind.UPSTREAM));
            assertThat(engine.recordingSinceMs()).isEqualTo(NOW_MS);
        }
        try (LiqvolEngine engine = LiqvolEngine.launch(context().epochClock(clockMs::get)))
        {
            clockMs.set(NOW_MS + 2_000);
            assertThat(engine.recordingSinceMs()).isEqualTo(NOW_MS + 1_000);
            engine.recordGap(NOW_MS + 30, NOW_MS + 40);
            awaitGaps(engine, 1);
            assertThat(engine.gaps()).containsExactly(new Gap(NOW_MS + 30, NOW_MS + 40));
        }
    }

    @Test
    void shouldCountARunThatIsNotLiveAsNeitherAliveNorDowntime() throws Exception
    {
        final AtomicLong clockMs = new AtomicLong(NOW_MS);
        try (LiqvolEngine engine = LiqvolEngine.launch(context().epochClock(clockMs::get).dataDir(dataDir)))
        {
            assertThat(engine.gaps()).isEmpty();
            clockMs.set(NOW_MS + 1_000);
        }
        clockMs.set(NOW_MS + 5_000);
        try (LiqvolEngine importer =
            LiqvolEngine.launch(context().epochClock(clockMs::get).dataDir(dataDir).liveRecording(false)))
        {
            importer.ingestLiquidation("BTCUSDT", Side.BUY, 100_000_000, 100_000_000, NOW_MS - 60_000, 0);
            awaitPublished(importer, 1);
            clockMs.set(NOW_MS + 6_000);
            assertThat(importer.gaps()).isEmpty();
        }
        clockMs.set(NOW_MS + 10_000);
        try (LiqvolEngine engine = LiqvolEngine.launch(context().epochClock(clockMs::get).dataDir(dataDir)))
        {
            awaitGaps(engine, 1);
            assertThat(engine.gaps()).containsExactly(new Gap(NOW_MS + 1_000, NOW_MS + 10_000, GapKind.DOWNTIME));
        }
    }

    private static EngineListener gapListener(final List<Gap> heard)
    {
        return new EngineListener()
        {
            @Override
            public void onLiquidation(final LiquidationView liquidation)
            {
            }

            @Override
            public void onBucketChanged(final BucketView bucket)
            {
            }

            @Override
            public void onGap(final Gap gap)
            {
                heard.add(gap);
            }
        };
    }

    static void awaitGaps(final LiqvolEngine engine, final int gaps) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.gapCount() < gaps && System.nanoTime() < deadline)
        {
            Thread.sleep(5);
        }
        assertThat(engine.gapCount()).isEqualTo(gaps);
    }

    @Test
    void shouldCarryOnWhenAListenerThrows() throws Exception
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(context().listener(new EngineListener()
        {
            @Override
            public void onLiquidation(final LiquidationView liquidation)
            {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onBucketChanged(final BucketView bucket)
            {
            }
        })))
        {
            engine.ingestLiquidation("BTCUSDT", Side.BUY, 100_000_000, 100_000_000, NOW_MS - 1000, 0);
            engine.ingestLiquidation("BTCUSDT", Side.SELL, 100_000_000, 100_000_000, NOW_MS - 999, 0);
            awaitPublished(engine, 2);

            assertThat(engine.counters().listenerErrors()).isEqualTo(2);
            assertThat(engine.volume("BTCUSDT", Timeframe.D1, NOW_MS - 1000, NOW_MS).get(0).count()).isEqualTo(2);
        }
    }

    @Test
    void shouldNeverLetALiquidationAheadOfTheClockFreezeLiveBuckets() throws InterruptedException
    {
        for (final EngineContext context : new EngineContext[] {context(), context().maxFutureSkewMs(24 * 3_600_000L),
            context().maxFutureSkewMs(24 * 3_600_000L).bucketsPerTimeframe(Timeframe.M1, 16)})
        {
            try (LiqvolEngine engine = LiqvolEngine.launch(context))
            {
                final long furthestMs = NOW_MS + engine.context().acceptedFutureMs();
                engine.ingestLiquidation("BTCUSDT", Side.BUY, 100_000_000, 100_000_000, NOW_MS + 20 * 3_600_000L, 0);
                engine.ingestLiquidation("BTCUSDT", Side.BUY, 100_000_000, 100_000_000, furthestMs + 1, 0);
                engine.ingestLiquidation("BTCUSDT", Side.BUY, 100_000_000, 100_000_000, furthestMs, 0);
                engine.ingestLiquidation("BTCUSDT", Side.SELL, 100_000_000, 100_000_000, NOW_MS, 0);
                engine.ingestLiquidation("BTCUSDT", Side.SELL, 100_000_000, 100_000_000, NOW_MS - 60_000, 0);
                awaitPublished(engine, 3);

                assertThat(engine.counters().rejected(RejectReason.ABSURD_TIMESTAMP)).isEqualTo(2);
                assertThat(engine.counters().beyondWindow()).isZero();
                for (final Timeframe timeframe : Timeframe.values())
                {
                    final long count = engine.volume("BTCUSDT", timeframe, NOW_MS - 60_000, NOW_MS + 1).stream()
                        .mapToLong(BucketSnapshot::count).sum();
                    assertThat(count).as(timeframe.code()).isEqualTo(timeframe == Timeframe.M1
                        || timeframe.bucketIndex(furthestMs) != timeframe.bucketIndex(NOW_MS) ? 2 : 3);
                }
            }
        }
    }

    @Test
    void shouldRefuseNewSymbolsBeyondTheMemoryBudgetWhileAdmittedOnesKeepFlowing() throws InterruptedException
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(context().memoryBudgetBytes(budgetForSymbols(3))))
        {
            // The admitted symbols move their windows across years, taking and freeing pages all the way.
            for (int day = 0; day < 2_000; day++)
            {
                engine.ingestLiquidation("S" + day % 3 + "USDT", Side.SELL, 100_000_000, 100_000_000,
                    NOW_MS - (2_000 - day) * 86_400_000L, 0);
            }
            for (int n = 0; n < 50; n++)
            {
                ingest(engine, FrameDecoderTest.order("S" + n + "USDT", "BUY", "1", "100", NOW_MS));
            }
            ingest(engine, FrameDecoderTest.order("S1USDT", "SELL", "2", "100", NOW_MS + 1));
            ingest(engine, FrameDecoderTest.order("S7USDT", "SELL", "2", "100", NOW_MS + 1));
            awaitPublished(engine, 3 + 2_000 + 1);

            assertThat(engine.symbols()).containsExactly("S0USDT", "S1USDT", "S2USDT");
            assertThat(engine.counters().symbolsRefused()).isEqualTo(47);
            assertThat(engine.counters().rejected(RejectReason.SYMBOL_MEMORY_BUDGET)).isEqualTo(48);
            assertThat(engine.counters().stageErrors()).isZero();
            assertThat(engine.isKnownSymbol("S7USDT")).isFalse();
            assertThat(engine.volume("S1USDT", Timeframe.M1, NOW_MS, NOW_MS + 1).get(0).count()).isEqualTo(2);
            assertThat(engine.volume("S7USDT", Timeframe.M1, NOW_MS, NOW_MS + 1).get(0).count()).isZero();
        }
    }

    @Test
    void shouldRecoverAJournalWithMoreSymbolsThanTheBudgetHoldsRefusingTheRest() throws InterruptedException
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(context().dataDir(dataDir)))
        {
            for (int n = 0; n < 10; n++)
            {
                engine.ingestLiquidation("S" + n + "USDT", Side.BUY, 100_000_000, 100_000_000, NOW_MS + n, 0);
            }
            awaitPublished(engine, 10);
        }

        final EngineContext smaller = context().dataDir(dataDir).memoryBudgetBytes(budgetForSymbols(4));
        try (LiqvolEngine engine = LiqvolEngine.launch(smaller))
        {
            assertThat(engine.recovery().liquidations()).isEqualTo(10);
            // Recovery reads the journal newest first: the symbols seen last are the ones kept.
            assertThat(engine.symbols()).containsExactly("S9USDT", "S8USDT", "S7USDT", "S6USDT");
            assertThat(engine.counters().symbolsRefused()).isEqualTo(6);
            assertThat(engine.volume("S6USDT", Timeframe.M1, NOW_MS, NOW_MS + 60_000).get(0).count()).isEqualTo(1);
            assertThat(engine.recentLiquidations("S5USDT", 10)).isEmpty();

            // The refused one first: once the one after it is published, it has been decoded and counted.
            engine.ingestLiquidation("S5USDT", Side.SELL, 100_000_000, 100_000_000, NOW_MS + 100, 0);
            engine.ingestLiquidation("S6USDT", Side.SELL, 100_000_000, 100_000_000, NOW_MS + 100, 0);
            awaitPublished(engine, 1);
            assertThat(engine.counters().rejected(RejectReason.SYMBOL_MEMORY_BUDGET)).isEqualTo(1);
            assertThat(engine.counters().stageErrors()).isZero();
        }
    }

    /** A budget that holds exactly {@code symbols} symbols of the default context. */
    static long budgetForSymbols(final int symbols)
    {
        final EngineContext context = context();
        final long perSymbolBytes =
            LiqvolEngine.maxBytesPerSymbol(context, new BucketStore(1, context.windowBuckets()));
        return BucketPages.CHUNK_BYTES + symbols * perSymbolBytes + perSymbolBytes / 2;
    }

    @Test
    void shouldRejectBadQueryRanges()
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(context()))
        {
            assertThatThrownBy(() -> engine.volume("BTCUSDT", Timeframe.M1, 10, 10))
                .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> engine.volume("BTCUSDT", Timeframe.M1, 0, NOW_MS))
                .isInstanceOf(IllegalArgumentException.class);
            final long minuteMs = Timeframe.M1.alignDownMs(NOW_MS);
            assertThat(engine.volume("NOPEUSDT", Timeframe.M1, minuteMs - 120_000, minuteMs)).hasSize(2)
                .allMatch(bucket -> bucket.count() == 0);
        }
    }

    static EngineContext context()
    {
        return new EngineContext().epochClock(() -> NOW_MS);
    }

    static void ingest(final LiqvolEngine engine, final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        engine.ingestFrame(bytes, 0, bytes.length, System.nanoTime());
    }

    private static void ingest(final LiqvolEngine engine, final Venue venue, final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        engine.ingestFrame(venue, bytes, 0, bytes.length, System.nanoTime());
    }

    static void awaitPublished(final LiqvolEngine engine, final long published) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (engine.counters().published() < published && System.nanoTime() < deadline)
        {
            Thread.sleep(2);
        }
        assertThat(engine.counters().published()).isEqualTo(published);
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static String decimal(final SplittableRandom random, final int maxInteger, final int fractionDigits)
    {
        final StringBuilder text = new StringBuilder().append(random.nextInt(maxInteger));
        if (fractionDigits > 0)
        {
            text.append('.');
            for (int d = 0; d < fractionDigits - 1; d++)
            {
                text.append((char)('0' + random.nextInt(10)));
            }
            text.append((char)('1' + random.nextInt(9)));
        }
        else if (text.toString().equals("0"))
        {
            text.setLength(0);
            text.append(1 + random.nextInt(9));
        }
        return text.toString();
    }

    private static String key(final String symbol, final Timeframe timeframe, final long startMs)
    {
        return symbol + '/' + timeframe.code() + '/' + startMs;
    }

    /** The BigDecimal reference of one bucket. */
    private static final class Totals
    {
        BigDecimal buyNotional = BigDecimal.ZERO;
        BigDecimal sellNotional = BigDecimal.ZERO;
        BigDecimal buyQuantity = BigDecimal.ZERO;
        BigDecimal sellQuantity = BigDecimal.ZERO;
        long buyCount;
        long sellCount;

        void add(final LiquidationSnapshot liquidation)
        {
            if (liquidation.side() == Side.BUY)
            {
                buyNotional = buyNotional.add(liquidation.notional());
                buyQuantity = buyQuantity.add(liquidation.quantity());
                buyCount++;
            }
            else
            {
                sellNotional = sellNotional.add(liquidation.notional());
                sellQuantity = sellQuantity.add(liquidation.quantity());
                sellCount++;
            }
        }

        boolean matches(final BucketSnapshot bucket)
        {
            return bucket != null
                && buyNotional.compareTo(bucket.buyNotional()) == 0
                && sellNotional.compareTo(bucket.sellNotional()) == 0
                && buyQuantity.compareTo(bucket.buyQuantity()) == 0
                && sellQuantity.compareTo(bucket.sellQuantity()) == 0
                && buyCount == bucket.buyCount()
                && sellCount == bucket.sellCount();
        }

        @Override
        public String toString()
        {
            return "buy " + buyNotional + "/" + buyQuantity + "/" + buyCount + " sell " + sellNotional + "/"
                + sellQuantity + "/" + sellCount;
        }
    }
}
