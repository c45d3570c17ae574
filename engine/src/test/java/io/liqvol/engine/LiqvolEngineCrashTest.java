package io.liqvol.engine;

import io.liqvol.engine.journal.Journal;
import io.liqvol.engine.journal.JournalVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Kills an engine with SIGKILL mid-stream and proves that nothing a listener was handed is lost. */
class LiqvolEngineCrashTest
{
    private static final int HANDED_BEFORE_KILL = 20_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldKeepEveryLiquidationAListenerWasHandedWhenTheProcessIsKilled() throws Exception
    {
        final Process child = startChild(dir.toString());
        final BitSet handed = new BitSet();
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                handed.set(Integer.parseInt(line));
                if (handed.cardinality() == HANDED_BEFORE_KILL)
                {
                    // SIGKILL through the handle: Process.destroyForcibly() would also close the pipe, and the
                    // lines the child wrote just before dying must still be read.
                    child.toHandle().destroyForcibly();
                }
            }
        }
        finally
        {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
        assertThat(handed.cardinality()).isGreaterThanOrEqualTo(HANDED_BEFORE_KILL);
        assertThat(handed.nextClearBit(0)).isEqualTo(handed.cardinality());

        final BitSet journaled = journaledNumbers();
        assertThat(journaled.cardinality()).isEqualTo(journaled.nextClearBit(0));
        final BitSet lost = (BitSet)handed.clone();
        lost.andNot(journaled);
        assertThat(lost.isEmpty()).as("handed to a listener but not journaled: %s", lost).isTrue();

        try (LiqvolEngine engine = LiqvolEngine.launch(new EngineContext().dataDir(dir)))
        {
            final int recovered = journaled.cardinality();
            assertThat(engine.recovery().liquidations()).isEqualTo(recovered);
            for (int s = 0; s < CrashingEngineMain.SYMBOLS.length; s++)
            {
                final String symbol = CrashingEngineMain.SYMBOLS[s];
                BigDecimal buy = BigDecimal.ZERO;
                BigDecimal sell = BigDecimal.ZERO;
                long count = 0;
                for (int i = s; i < recovered; i += CrashingEngineMain.SYMBOLS.length)
                {
                    if (CrashingEngineMain.side(i) == Side.BUY)
                    {
                        buy = buy.add(CrashingEngineMain.notional(i));
                    }
                    else
                    {
                        sell = sell.add(CrashingEngineMain.notional(i));
                    }
                    count++;
                }
                final BucketSnapshot month = engine.volume(
                    symbol, Timeframe.MN1, CrashingEngineMain.T0, CrashingEngineMain.T0 + 1).get(0);
                assertThat(month.buyNotional()).isEqualByComparingTo(buy);
                assertThat(month.sellNotional()).isEqualByComparingTo(sell);
                assertThat(month.count()).isEqualTo(count);
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldRecordTheDowntimeFromTheLastHeartbeatWhenAnIdleProcessIsKilled() throws Exception
    {
        final Process child = startChild(dir.toString(), "idle");
        final long startedMs;
        final long killedMs;
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)))
        {
            assertThat(reader.readLine()).isEqualTo("started");
            startedMs = System.currentTimeMillis();
            // No liquidation in the journal at all: only heartbeats can tell when the child was last alive.
            Thread.sleep(1_500);
            killedMs = System.currentTimeMillis();
            child.toHandle().destroyForcibly();
        }
        finally
        {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);

        final long restartMs = System.currentTimeMillis();
        try (LiqvolEngine engine = LiqvolEngine.launch(new EngineContext().dataDir(dir)))
        {
            LiqvolEngineTest.awaitGaps(engine, 1);
            final Gap downtime = engine.gaps().get(0);
            assertThat(downtime.kind()).isEqualTo(GapKind.DOWNTIME);
            assertThat(downtime.fromMs()).isBetween(startedMs + 1_000, killedMs);
            assertThat(downtime.toMs()).isBetween(restartMs, System.currentTimeMillis());
            assertThat(engine.recordingSinceMs()).isLessThan(startedMs);
        }
    }

    /** {@link CrashingEngineMain} in a JVM of its own. */
    private static Process startChild(final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"),
            CrashingEngineMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The numbers of the liquidations the journal holds, read by the journal's own recovery alone. */
    private BitSet journaledNumbers()
    {
        final BitSet numbers = new BitSet();
        final Journal journal = Journal.open(new EngineContext().dataDir(dir).conclude(), new JournalVisitor()
        {
            @Override
            public void onLiquidation(
                final int venue,
                final byte[] symbol,
                final int symbolLength,
                final int side,
                final long quantityE8,
                final long priceE8,
                final long tradeTimeMs,
                final long eventTimeMs)
            {
                final int i = (int)(tradeTimeMs - CrashingEngineMain.T0);
                assertThat(new String(symbol, 0, symbolLength, StandardCharsets.US_ASCII))
                    .isEqualTo(CrashingEngineMain.symbol(i));
                assertThat(quantityE8).isEqualTo(CrashingEngineMain.quantityE8(i));
                assertThat(priceE8).isEqualTo(CrashingEngineMain.priceE8(i));
                numbers.set(i);
            }

            @Override
            public void onGap(final long fromMs, final long toMs, final GapKind kind)
            {
            }
        });
        journal.close();
        return numbers;
    }
}
