package io.liqvol.engine.alerts;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.BucketView;
import io.liqvol.engine.EngineListener;
import io.liqvol.engine.LiquidationSnapshot;
import io.liqvol.engine.LiquidationView;
import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.engine.Venue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What alerts cost the engine's publisher thread per liquidation: one liquidation and its 14 changed buckets (a batch
 * of one, the worst case) handed to the alert listener, while the evaluator drains on its own thread against 0, 100
 * or 1,000 rules spread over every timeframe and condition. {@code rules=none} is the same-run baseline: a listener
 * that does nothing. The evaluator's drops, if any, are printed at the end of each trial (the benchmark hands in far
 * more than any market: drops there make the publisher's side cheaper, not dearer). With {@code evaluator=inline}
 * the same thread also drains the evaluator after each liquidation: what evaluating the rules costs per liquidation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AlertListenerBenchmark
{
    private static final long E8 = 100_000_000L;
    private static final int SYMBOLS = 20;
    private static final long T0_MS = 1_700_000_000_000L;

    private static final Timeframe[] TIMEFRAMES = Timeframe.values();

    @Param({"none", "0", "100", "1000"})
    public String rules;

    @Param({"thread", "inline"})
    public String evaluator;

    private final Liquidation liquidation = new Liquidation();
    private final Bucket bucket = new Bucket();
    private EngineListener listener;
    private AlertEvaluator alerts;
    private boolean inline;
    private long sequence;

    @Setup(Level.Trial)
    public void setUp()
    {
        if ("none".equals(rules))
        {
            listener = new EngineListener()
            {
                @Override
                public void onLiquidation(final LiquidationView view)
                {
                }

                @Override
                public void onBucketChanged(final BucketView view)
                {
                }
            };
            return;
        }
        alerts = new AlertEvaluator(AlertListenerBenchmark::emptyHistory, event -> { }, System::currentTimeMillis,
            AlertEvaluator.DEFAULT_QUEUE_CAPACITY);
        alerts.rules(rules(Integer.parseInt(rules)));
        inline = "inline".equals(evaluator);
        if (!inline)
        {
            alerts.start();
        }
        listener = alerts.listener();
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        if (alerts != null)
        {
            alerts.close();
            System.out.println("\nevaluated " + alerts.evaluated() + ", dropped " + alerts.drops() + ", errors "
                + alerts.errors());
        }
    }

    @Benchmark
    public void publishOneLiquidation()
    {
        final long n = sequence++;
        liquidation.set(n, (int)(n % SYMBOLS), T0_MS + n);
        listener.onLiquidation(liquidation);
        for (final Timeframe timeframe : TIMEFRAMES)
        {
            bucket.set(liquidation, timeframe);
            listener.onBucketChanged(bucket);
        }
        listener.onBatchEnd();
        if (inline)
        {
            alerts.drain();
        }
    }

    private static List<BucketSnapshot> emptyHistory(final String symbol, final int venueMask,
        final Timeframe timeframe, final long startMs, final long endMs)
    {
        return List.of();
    }

    /** Rules that are evaluated on every entry but never fire: thresholds far above anything handed in. */
    private static List<AlertRule> rules(final int count)
    {
        final List<AlertRule> made = new ArrayList<>(count);
        final BigDecimal huge = new BigDecimal("1e15");
        for (int i = 0; i < count; i++)
        {
            final Timeframe timeframe = Timeframe.fromOrdinal(i % Timeframe.count());
            made.add(switch (i % 3)
            {
                case 0 -> new AlertRule("r" + i, "rule", List.of(), AlertCondition.LIQUIDATION, null, null, null, huge,
                    null, null, 0, 60_000, null);
                case 1 -> new AlertRule("r" + i, "rule", List.of(), AlertCondition.BUCKET, null,
                    BucketMetric.TOTAL_VOLUME, timeframe, huge, null, null, 0, 0, null);
                default -> new AlertRule("r" + i, "rule", List.of(), AlertCondition.UNUSUAL_VOLUME, null,
                    BucketMetric.TOTAL_VOLUME, timeframe, null, new BigDecimal(3), Baseline.MEDIAN, 30, 0, null);
            });
        }
        return made;
    }

    /** A liquidation as the publisher's flyweight presents it. */
    private static final class Liquidation implements LiquidationView
    {
        private static final String[] NAMES = new String[SYMBOLS];

        static
        {
            for (int i = 0; i < SYMBOLS; i++)
            {
                NAMES[i] = "SYM" + i + "USDT";
            }
        }

        private long sequence;
        private int symbolId;
        private long tradeTimeMs;

        void set(final long sequence, final int symbolId, final long tradeTimeMs)
        {
            this.sequence = sequence;
            this.symbolId = symbolId;
            this.tradeTimeMs = tradeTimeMs;
        }

        @Override
        public Venue venue()
        {
            return Venue.BINANCE;
        }

        @Override
        public long sequence()
        {
            return sequence;
        }

        @Override
        public int symbolId()
        {
            return symbolId;
        }

        @Override
        public String symbol()
        {
            return NAMES[symbolId];
        }

        @Override
        public Side side()
        {
            return (sequence & 1) == 0 ? Side.SELL : Side.BUY;
        }

        @Override
        public long quantityE8()
        {
            return E8 + sequence % 1000;
        }

        @Override
        public long priceE8()
        {
            return 50_000 * E8;
        }

        @Override
        public long tradeTimeMs()
        {
            return tradeTimeMs;
        }

        @Override
        public long eventTimeMs()
        {
            return tradeTimeMs;
        }

        @Override
        public long receiveTimeNs()
        {
            return 0;
        }

        @Override
        public LiquidationSnapshot toSnapshot()
        {
            throw new UnsupportedOperationException("not on the hot path");
        }
    }

    /** A changed bucket as the publisher's flyweight presents it. */
    private static final class Bucket implements BucketView
    {
        private Liquidation liquidation;
        private Timeframe timeframe;

        void set(final Liquidation liquidation, final Timeframe timeframe)
        {
            this.liquidation = liquidation;
            this.timeframe = timeframe;
        }

        @Override
        public int symbolId()
        {
            return liquidation.symbolId();
        }

        @Override
        public String symbol()
        {
            return liquidation.symbol();
        }

        @Override
        public Venue venue()
        {
            return Venue.BINANCE;
        }

        @Override
        public BucketView allVenues()
        {
            return this;
        }

        @Override
        public BucketView venues(final int venueMask)
        {
            return this;
        }

        @Override
        public Timeframe timeframe()
        {
            return timeframe;
        }

        @Override
        public long startTimeMs()
        {
            return timeframe == Timeframe.MN1 || timeframe == Timeframe.W1
                ? T0_MS
                : timeframe.alignDownMs(liquidation.tradeTimeMs());
        }

        @Override
        public long buyNotionalE16High()
        {
            return 0;
        }

        @Override
        public long buyNotionalE16Low()
        {
            return liquidation.sequence() * E8;
        }

        @Override
        public long sellNotionalE16High()
        {
            return 0;
        }

        @Override
        public long sellNotionalE16Low()
        {
            return liquidation.sequence() * E8;
        }

        @Override
        public long buyQuantityE8High()
        {
            return 0;
        }

        @Override
        public long buyQuantityE8Low()
        {
            return liquidation.sequence();
        }

        @Override
        public long sellQuantityE8High()
        {
            return 0;
        }

        @Override
        public long sellQuantityE8Low()
        {
            return liquidation.sequence();
        }

        @Override
        public long buyCount()
        {
            return liquidation.sequence();
        }

        @Override
        public long sellCount()
        {
            return liquidation.sequence();
        }

        @Override
        public BucketSnapshot toSnapshot()
        {
            throw new UnsupportedOperationException("not on the hot path");
        }
    }
}
