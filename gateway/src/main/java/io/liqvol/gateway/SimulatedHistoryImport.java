package io.liqvol.gateway;

import io.liqvol.engine.ImportReport;
import io.liqvol.engine.LiquidationImporter;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.gateway.simulator.SimulatedHistory;
import io.liqvol.gateway.simulator.SimulatedLiquidation;

import java.math.BigDecimal;
import java.util.List;

/**
 * Records the simulator's history through the engine, as an import: only the part older than what the journal
 * already covers ({@link LiqvolEngine#recordingSinceMs()}), each liquidation unless the journal holds its key, then
 * the interval declared recorded ({@link LiqvolEngine#recordHistory}). A restart therefore adds nothing, and a crash
 * in the middle leaves no claim and nothing twice: the history is the same for the same seed.
 */
final class SimulatedHistoryImport
{
    private SimulatedHistoryImport()
    {
    }

    /** Cold path, before the upstream starts; returns what was imported (nothing without a journal). */
    static ImportReport record(final LiqvolEngine engine, final SimulatedHistory history)
    {
        final long toMs = Math.min(history.toMs(), engine.recordingSinceMs());
        if (engine.context().dataDir() == null || history.fromMs() >= toMs)
        {
            return new ImportReport(0, 0, 0, 0, List.of());
        }
        final LiquidationImporter importer = new LiquidationImporter(engine);
        for (final SimulatedLiquidation liquidation : history.liquidations())
        {
            if (liquidation.tradeTimeMs() < toMs)
            {
                importer.importLiquidation(liquidation.symbol(), liquidation.side(), e8(liquidation.quantity()),
                    e8(liquidation.averagePrice()), liquidation.tradeTimeMs());
            }
        }
        engine.recordHistory(history.fromMs(), toMs);
        return importer.finish();
    }

    private static long e8(final String decimal)
    {
        return new BigDecimal(decimal).movePointRight(8).longValueExact();
    }
}
