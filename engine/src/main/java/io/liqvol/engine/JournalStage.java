package io.liqvol.engine;

import com.lmax.disruptor.EventHandler;

/**
 * Stage 2a: the seam where accepted liquidations and gaps are recorded, in parallel with aggregation and before
 * publication. The durable journal plugs in here.
 */
final class JournalStage implements EventHandler<FrameEvent>
{
    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
    }
}
