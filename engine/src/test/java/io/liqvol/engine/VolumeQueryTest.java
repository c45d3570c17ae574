package io.liqvol.engine;

import io.liqvol.engine.journal.JournalDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class VolumeQueryTest
{
    /** 2024-01-01T00:00:00Z. */
    private static final long T0 = 1_704_067_200_000L;
    private static final int COUNT = 6_000;
    private static final long STEP_MS = 47_000L;
    private static final long END_MS = T0 + COUNT * STEP_MS;

    @TempDir
    Path dir;

    @Test
    void shouldServeBucketsOlderThanTheInMemoryWindowFromTheJournalAsIfAllWereInMemory()
    {
        final EngineContext windowed = context().dataDir(dir).bucketsPerTimeframe(16)
            .segmentBytes(JournalDescriptor.recordOffset(1024));
        try (LiqvolEngine engine = LiqvolEngine.launch(windowed);
            LiqvolEngine reference = LiqvolEngine.launch(context().bucketsPerTimeframe(8192)))
        {
            ingest(engine);
            ingest(reference);
            engine.drain();
            reference.drain();
            assertSameVolume(engine, reference);
            engine.journal().history().awaitRollups();
            assertSameVolume(engine, reference);
        }
    }

    @Test
    void shouldAnswerZerosBeyondTheInMemoryWindowWithoutAJournal()
    {
        try (LiqvolEngine engine = LiqvolEngine.launch(context().bucketsPerTimeframe(16)))
        {
            ingest(engine);
            engine.drain();
            assertThat(engine.volume("BTCUSDT", Timeframe.M1, T0, T0 + 3_600_000L))
                .allSatisfy(bucket -> assertThat(bucket.count()).isZero());
            assertThat(engine.volume("BTCUSDT", Timeframe.H1, END_MS - 1, END_MS).get(0).count()).isPositive();
        }
    }

    @Test
    void shouldPublishEachVenuesBucketWithItsSumOverVenuesExactly()
    {
        final List<Generated> generated = generate();
        final Map<String, BucketSnapshot> published = new ConcurrentHashMap<>();
        // Windows wide enough that no bucket leaves memory before the publisher, behind the aggregate stage, reads it.
        try (LiqvolEngine engine = LiqvolEngine.launch(
            context().bucketsPerTimeframe(8192).listener(recordingListener(published))))
        {
            ingest(engine, generated);
            assertMatchesReference(engine, generated);
            assertPublishedAsReference(published, generated);
        }
    }

    @Test
    void shouldAnswerEveryVenueEverySubsetAndAllExactlyLiveAcrossSegmentRollsAndARestart()
    {
        final List<Generated> generated = generate();
        final EngineContext windowed = context().dataDir(dir).bucketsPerTimeframe(16)
            .segmentBytes(JournalDescriptor.recordOffset(1024));
        try (LiqvolEngine engine = LiqvolEngine.launch(windowed))
        {
            ingest(engine, generated);
            assertThat(engine.venuesOf("BTCUSDT")).containsExactlyInAnyOrder(Venue.values());
            assertThat(engine.venuesOf("ETHUSDT")).containsExactly(Venue.BINANCE, Venue.OKX);
            assertThat(engine.venuesOf("NOPEUSDT")).isEmpty();
            assertMatchesReference(engine, generated);
            engine.journal().history().awaitRollups();
            assertMatchesReference(engine, generated);
        }
        try (LiqvolEngine recovered = LiqvolEngine.launch(context().dataDir(dir).bucketsPerTimeframe(16)
            .segmentBytes(JournalDescriptor.recordOffset(1024))))
        {
            assertThat(recovered.venuesOf("ETHUSDT")).containsExactly(Venue.BINANCE, Venue.OKX);
            assertMatchesReference(recovered, generated);
        }
    }

    private static final int[] MASKS = {
        Venues.mask(Venue.BINANCE), Venues.mask(Venue.BYBIT), Venues.mask(Venue.OKX),
        Venues.mask(Venue.BINANCE, Venue.BYBIT), Venues.mask(Venue.BYBIT, Venue.OKX),
        Venues.mask(Venue.BINANCE, Venue.OKX), Venues.mask(Venue.values()), Venues.ALL};
    private static final Timeframe[] CHECKED = {Timeframe.M1, Timeframe.M15, Timeframe.H1, Timeframe.H4,
        Timeframe.D1, Timeframe.W1, Timeframe.MN1};

    /** A liquidation of the generated stream; ETHUSDT never trades on Bybit. */
    private record Generated(Venue venue, String symbol, Side side, long quantityE8, long priceE8, long timeMs)
    {
    }

    private static List<Generated> generate()
    {
        final SplittableRandom random = new SplittableRandom(18);
        final List<Generated> generated = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++)
        {
            final String symbol = random.nextInt(3) == 0 ? "ETHUSDT" : "BTCUSDT";
            final Venue venue = symbol.equals("ETHUSDT")
                ? (random.nextBoolean() ? Venue.BINANCE : Venue.OKX)
                : Venue.fromOrdinal(random.nextInt(Venue.count()));
            generated.add(new Generated(venue, symbol, random.nextBoolean() ? Side.BUY : Side.SELL,
                1 + random.nextLong(5_000_000_000L), 1 + random.nextLong(7_000_000_000_000L),
                T0 + i * STEP_MS + random.nextLong(STEP_MS)));
        }
        return generated;
    }

    private static void ingest(final LiqvolEngine engine, final List<Generated> generated)
    {
        for (final Generated liquidation : generated)
        {
            engine.ingestLiquidation(liquidation.venue, liquidation.symbol, liquidation.side,
                liquidation.quantityE8, liquidation.priceE8, liquidation.timeMs, liquidation.timeMs);
        }
        engine.drain();
    }

    private static void assertMatchesReference(final LiqvolEngine engine, final List<Generated> generated)
    {
        for (final int mask : MASKS)
        {
            for (final Timeframe timeframe : CHECKED)
            {
                for (final String symbol : new String[] {"BTCUSDT", "ETHUSDT"})
                {
                    assertThat(engine.volume(symbol, mask, timeframe, T0, END_MS))
                        .as(symbol + " " + timeframe.code() + " venues " + mask)
                        .isEqualTo(reference(generated, symbol, mask, timeframe));
                }
            }
        }
    }

    /** The buckets of {@code [T0, END_MS)} summed in BigDecimal from the generated liquidations. */
    private static List<BucketSnapshot> reference(
        final List<Generated> generated, final String symbol, final int mask, final Timeframe timeframe)
    {
        final long first = timeframe.bucketIndex(T0);
        final int buckets = (int)(timeframe.bucketIndex(END_MS - 1) - first + 1);
        final BigDecimal[][] sums = new BigDecimal[buckets][4];
        final long[][] counts = new long[buckets][2];
        for (final BigDecimal[] bucket : sums)
        {
            Arrays.fill(bucket, BigDecimal.ZERO);
        }
        for (final Generated liquidation : generated)
        {
            if (liquidation.symbol.equals(symbol) && Venues.selects(mask, liquidation.venue.ordinal())
                && liquidation.timeMs < END_MS)
            {
                final int at = (int)(timeframe.bucketIndex(liquidation.timeMs) - first);
                final int side = liquidation.side.ordinal();
                final BigDecimal quantity = BigDecimal.valueOf(liquidation.quantityE8, 8);
                sums[at][side] = sums[at][side].add(quantity.multiply(BigDecimal.valueOf(liquidation.priceE8, 8)));
                sums[at][2 + side] = sums[at][2 + side].add(quantity);
                counts[at][side]++;
            }
        }
        final List<BucketSnapshot> result = new ArrayList<>(buckets);
        for (int at = 0; at < buckets; at++)
        {
            result.add(new BucketSnapshot(symbol, timeframe, timeframe.bucketStartMs(first + at),
                Int128.plain(sums[at][0]), Int128.plain(sums[at][1]), Int128.plain(sums[at][2]),
                Int128.plain(sums[at][3]), counts[at][0], counts[at][1]));
        }
        return result;
    }

    /** The last totals listeners heard of each bucket, per venue and over all venues, are the reference's. */
    private static void assertPublishedAsReference(
        final Map<String, BucketSnapshot> published, final List<Generated> generated)
    {
        final Map<String, List<BucketSnapshot>> references = new HashMap<>();
        for (final Map.Entry<String, BucketSnapshot> entry : published.entrySet())
        {
            final BucketSnapshot bucket = entry.getValue();
            final String venue = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            final int mask = venue.startsWith("all") ? Venues.ALL
                : Venues.mask(Arrays.stream(venue.split("\\+")).map(Venue::fromCode).toArray(Venue[]::new));
            final List<BucketSnapshot> reference = references.computeIfAbsent(
                venue + bucket.symbol() + bucket.timeframe(),
                key -> reference(generated, bucket.symbol(), mask, bucket.timeframe()));
            final int at = (int)(bucket.timeframe().bucketIndex(bucket.startTimeMs())
                - bucket.timeframe().bucketIndex(T0));
            assertThat(bucket).as(entry.getKey()).isEqualTo(reference.get(at));
        }
        assertThat(published.keySet().stream().map(key -> key.substring(0, key.indexOf(' '))))
            .containsAll(Set.of("binance", "bybit", "okx", "all", "binance+okx", "bybit+okx", "all-by-mask"));
    }

    private static EngineListener recordingListener(final Map<String, BucketSnapshot> published)
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
                if (bucket.timeframe() == Timeframe.M1 || bucket.timeframe() == Timeframe.H1)
                {
                    final String key = bucket.symbol() + " " + bucket.timeframe().code() + " " + bucket.startTimeMs();
                    published.put(bucket.venue().code() + " " + key, bucket.toSnapshot());
                    if (bucket.allVenues().venue() == null)
                    {
                        published.put("all " + key, bucket.allVenues().toSnapshot());
                    }
                    published.put("binance+okx " + key,
                        bucket.venues(Venues.mask(Venue.BINANCE, Venue.OKX)).toSnapshot());
                    published.put("bybit+okx " + key, bucket.venues(Venues.mask(Venue.BYBIT, Venue.OKX)).toSnapshot());
                    published.put("all-by-mask " + key, bucket.venues(Venues.ALL).toSnapshot());
                }
            }
        };
    }

    private static EngineContext context()
    {
        return new EngineContext().maxFutureSkewMs(Long.MAX_VALUE / 4);
    }

    private static void assertSameVolume(final LiqvolEngine engine, final LiqvolEngine reference)
    {
        for (final Timeframe timeframe : Timeframe.values())
        {
            for (final String symbol : new String[] {"BTCUSDT", "ETHUSDT", "NOPEUSDT"})
            {
                assertThat(engine.volume(symbol, timeframe, T0, END_MS))
                    .as(symbol + " " + timeframe.code())
                    .isEqualTo(reference.volume(symbol, timeframe, T0, END_MS));
            }
        }
    }

    private static void ingest(final LiqvolEngine engine)
    {
        for (int i = 0; i < COUNT; i++)
        {
            final long timeMs = T0 + i * STEP_MS;
            engine.ingestLiquidation(i % 3 == 2 ? "ETHUSDT" : "BTCUSDT", i % 5 < 2 ? Side.BUY : Side.SELL,
                100_000L + 13L * i, 4_200_000_000_000L + 99_991L * i, timeMs, timeMs);
        }
    }
}
