package io.liqvol.bench;

import io.liqvol.engine.EngineContext;
import io.liqvol.engine.Gap;
import io.liqvol.engine.GapKind;
import io.liqvol.engine.Side;
import io.liqvol.engine.journal.Journal;
import io.liqvol.engine.journal.JournalVisitor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a stopped gateway's journal holds, read by the journal's own recovery: every liquidation and every gap. A
 * liquidation the simulator pushed is lost if the journal neither holds it nor discloses a gap over its time.
 */
final class JournalAudit
{
    private final Set<LiquidationKey> journaled = new HashSet<>();
    private final List<Gap> gaps = new ArrayList<>();

    static JournalAudit read(final Path dataDir)
    {
        final JournalAudit audit = new JournalAudit();
        // Opening the journal replays it into the visitor; nothing more is read.
        Journal.open(new EngineContext().dataDir(dataDir).conclude(), new JournalVisitor()
        {
            @Override
            public void onLiquidation(final int venue, final byte[] symbol, final int symbolLength, final int side,
                final long quantityE8, final long priceE8, final long tradeTimeMs, final long eventTimeMs)
            {
                audit.journaled.add(new LiquidationKey(new String(symbol, 0, symbolLength, StandardCharsets.US_ASCII),
                    Side.fromOrdinal(side).name(), tradeTimeMs, quantityE8));
            }

            @Override
            public void onGap(final long fromMs, final long toMs, final GapKind kind)
            {
                audit.gaps.add(new Gap(fromMs, toMs, kind));
            }
        }).close();
        return audit;
    }

    int liquidations()
    {
        return journaled.size();
    }

    List<Gap> gaps()
    {
        return gaps;
    }

    /** The pushed liquidations neither journaled nor inside a disclosed gap. */
    List<LiquidationKey> lost(final Set<LiquidationKey> pushed)
    {
        final List<LiquidationKey> lost = new ArrayList<>();
        for (final LiquidationKey key : pushed)
        {
            if (!journaled.contains(key) && !inGap(key.tradeTimeMs()))
            {
                lost.add(key);
            }
        }
        return lost;
    }

    /** The pushed liquidations inside a disclosed gap and not journaled. */
    long disclosed(final Set<LiquidationKey> pushed)
    {
        return pushed.stream().filter(key -> !journaled.contains(key) && inGap(key.tradeTimeMs())).count();
    }

    private boolean inGap(final long timeMs)
    {
        for (final Gap gap : gaps)
        {
            if (timeMs >= gap.fromMs() && timeMs <= gap.toMs())
            {
                return true;
            }
        }
        return false;
    }
}
