package io.liqvol.engine;

import com.lmax.disruptor.EventHandler;

/** Stage 1: raw frames and embedder input become validated, interned, deduplicated liquidations. */
final class DecodeStage implements EventHandler<FrameEvent>
{
    private final FrameDecoder decoder;

    DecodeStage(final FrameDecoder decoder)
    {
        this.decoder = decoder;
    }

    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        decoder.decode(event);
    }
}
