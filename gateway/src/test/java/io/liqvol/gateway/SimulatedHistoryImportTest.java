package io.liqvol.gateway;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.ImportReport;
import io.liqvol.engine.LiquidationImporter;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.engine.Timeframe;
import io.liqvol.gateway.server.Coverage;
import io.liqvol.gateway.simulator.ExchangeSimulator;
import io.liqvol.gateway.simulator.SimulatedHistory;
import io.liqvol.gateway.simulator.SimulatedLiquidation;
import io.liqvol.gateway.simulator.SimulatorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedHistoryImportTest
{
    private static final long HISTORY_MS = 6 * 3_600_000L;
    private static SimulatedHistory history;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate()
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.start(
            new SimulatorConfig().seed(3).historyMs(HISTORY_MS).generateFlow(false)))
        {
            history = simulator.history();
        }
    }

    private LiqvolEngine launch()
    {
        return LiqvolEngine.launch(new EngineContext().dataDir(dir.resolve("data")));
    }

    @Test
    void shouldRecordTheHistoryOnceAndCountItAsRecordedAcrossARestart()
    {
        final Map<String, List<BigDecimal>> expected = reference();
        try (LiqvolEngine engine = launch())
        {
            final ImportReport first = SimulatedHistoryImport.record(engine, history);

            assertThat(first.imported()).isEqualTo(history.liquidations().size()).isGreaterThan(10_000);
            assertThat(totals(engine)).isEqualTo(expected);
            assertThat(engine.recordingSinceMs()).isEqualTo(history.fromMs());
            assertThat(Coverage.of(engine.recordingSinceMs(), engine.gaps())
                .recordedMs(history.fromMs(), history.toMs())).isEqualTo(HISTORY_MS);
        }
        try (LiqvolEngine engine = launch())
        {
            final ImportReport again = SimulatedHistoryImport.record(engine, history);

            assertThat(again.imported()).isZero();
            assertThat(totals(engine)).isEqualTo(expected);
            assertThat(engine.recordingSinceMs()).isEqualTo(history.fromMs());
        }
    }

    @Test
    void shouldImportNothingTwiceAfterACrashBeforeTheHistoryWasDeclared()
    {
        try (LiqvolEngine engine = launch())
        {
            final SimulatedHistory firstHalf = new SimulatedHistory(history.fromMs(), history.toMs(),
                history.liquidations().subList(0, history.liquidations().size() / 2));
            final LiquidationImporter importer = new LiquidationImporter(engine);
            for (final SimulatedLiquidation liquidation : firstHalf.liquidations())
            {
                importer.importLiquidation(liquidation.symbol(), liquidation.side(), e8(liquidation.quantity()),
                    e8(liquidation.averagePrice()), liquidation.tradeTimeMs());
            }
            importer.finish();
        }
        try (LiqvolEngine engine = launch())
        {
            final ImportReport rest = SimulatedHistoryImport.record(engine, history);

            assertThat(rest.imported()).isEqualTo(history.liquidations().size() - history.liquidations().size() / 2);
            assertThat(rest.duplicates()).isEqualTo(history.liquidations().size() / 2);
            assertThat(totals(engine)).isEqualTo(reference());
            assertThat(engine.recordingSinceMs()).isEqualTo(history.fromMs());
        }
    }

    /** Per symbol buy and sell notional and the count, summed exactly from the generated liquidations. */
    private static Map<String, List<BigDecimal>> reference()
    {
        final Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (final SimulatedLiquidation liquidation : history.liquidations())
        {
            final BigDecimal[] sum = sums.computeIfAbsent(liquidation.symbol(),
                symbol -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            final BigDecimal notional = new BigDecimal(liquidation.quantity())
                .multiply(new BigDecimal(liquidation.averagePrice()));
            final int side = liquidation.side() == Side.BUY ? 0 : 1;
            sum[side] = sum[side].add(notional);
            sum[2] = sum[2].add(BigDecimal.ONE);
        }
        final Map<String, List<BigDecimal>> normalized = new TreeMap<>();
        sums.forEach((symbol, sum) -> normalized.put(symbol, normalized(sum)));
        return normalized;
    }

    private static Map<String, List<BigDecimal>> totals(final LiqvolEngine engine)
    {
        final Map<String, List<BigDecimal>> sums = new TreeMap<>();
        for (final String symbol : engine.symbols())
        {
            final BigDecimal[] sum = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            for (final BucketSnapshot bucket : engine.volume(symbol, Timeframe.H1,
                Timeframe.H1.alignDownMs(history.fromMs()), history.toMs()))
            {
                sum[0] = sum[0].add(bucket.buyNotional());
                sum[1] = sum[1].add(bucket.sellNotional());
                sum[2] = sum[2].add(BigDecimal.valueOf(bucket.count()));
            }
            sums.put(symbol, normalized(sum));
        }
        return sums;
    }

    private static List<BigDecimal> normalized(final BigDecimal[] sum)
    {
        return List.of(sum[0].stripTrailingZeros(), sum[1].stripTrailingZeros(), sum[2]);
    }

    private static long e8(final String decimal)
    {
        return new BigDecimal(decimal).movePointRight(8).longValueExact();
    }
}
