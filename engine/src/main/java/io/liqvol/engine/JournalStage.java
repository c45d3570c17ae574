package io.liqvol.engine;

import com.lmax.disruptor.EventHandler;
import io.liqvol.engine.journal.Journal;

import java.util.function.IntFunction;

/**
 * Stage 2a: records accepted liquidations and gaps in the journal, in parallel with aggregation and before
 * publication (the publish stage waits for this one), and marks in it when the engine was last alive at each
 * heartbeat. Without a data directory the engine runs in memory only and
 * this stage has nothing to do.
 */
final class JournalStage implements EventHandler<FrameEvent>
{
    private final Journal journal;
    private final IntFunction<String> symbolNames;

    JournalStage(final Journal journal, final SymbolTable symbols)
    {
        this.journal = journal;
        this.symbolNames = symbols::nameOf;
    }

    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        if (journal == null)
        {
            return;
        }
        if (event.kind >= FrameEvent.KIND_GAP)
        {
            if (event.kind == FrameEvent.KIND_GAP)
            {
                journal.appendGap(event.gapFromMs, event.gapToMs, event.gapKind, event.inputVenue, System.nanoTime());
            }
            else if (event.kind == FrameEvent.KIND_HISTORY)
            {
                journal.appendHistory(event.gapFromMs, event.gapToMs, System.nanoTime());
            }
            else
            {
                journal.markAlive();
            }
        }
        for (int i = 0; i < event.count; i++)
        {
            journal.appendLiquidation(
                event.symbolId[i], symbolNames, event.venue[i], event.side[i], event.quantityE8[i], event.priceE8[i],
                event.tradeTimeMs[i], event.eventTimeMs[i], event.receiveTimeNs);
        }
        if (endOfBatch)
        {
            journal.endOfBatch();
        }
    }
}
