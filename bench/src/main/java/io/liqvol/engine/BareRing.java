package io.liqvol.engine;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;

/**
 * The ring's own limit: the engine's ring and stage layout ({@link StageLayout}: the same stage threads, thread
 * names and wait strategy) fed the same way, with four stages that only read the slot. What it costs is the copy
 * into the ring, the hand-offs and the waits: the floor under the engine's figures measured beside it.
 */
public final class BareRing implements AutoCloseable
{
    /** Hears of every slot on the last stage's thread. */
    public interface SlotListener
    {
        void onSlot(long sequence, long receiveTimeNs);
    }

    private final Disruptor<FrameEvent> disruptor;
    private final RingInput input;
    private final ReadingStage[] readers = {new ReadingStage(), new ReadingStage(), new ReadingStage()};

    private BareRing(final EngineContext context, final SlotListener listener)
    {
        final StageLayout layout = StageLayout.of(context.stageThreads());
        disruptor = new Disruptor<>(() -> new FrameEvent(context.maxFrameBytes()), context.ringSize(),
            new StageThreadFactory(layout), ProducerType.MULTI, context.waitStrategy());
        input = new RingInput(disruptor.getRingBuffer());
        final EventHandler<FrameEvent> publish = (event, sequence, endOfBatch) ->
            listener.onSlot(sequence, event.receiveTimeNs);
        layout.wire(disruptor, readers[0], readers[1], readers[2], publish);
    }

    /** Validates the context (ring size, frame size, stage threads, wait strategy) and starts the stages. */
    public static BareRing launch(final EngineContext context, final SlotListener listener)
    {
        final BareRing bare = new BareRing(context.conclude(), listener);
        bare.disruptor.start();
        return bare;
    }

    /** As {@link LiqvolEngine#ingestFrame(byte[], int, int, long)}: copies the frame into the next slot. */
    public void ingestFrame(final byte[] bytes, final int offset, final int length, final long receiveTimeNs)
    {
        input.frame(Venue.BINANCE, bytes, offset, length, receiveTimeNs);
    }

    /** As {@link LiqvolEngine#ingestLiquidation}: fills the next slot with a decoded liquidation. */
    public void ingestLiquidation(
        final String symbol, final Side side, final long quantityE8, final long priceE8, final long tradeTimeMs,
        final long eventTimeMs)
    {
        input.liquidation(Venue.BINANCE, symbol, side, quantityE8, priceE8, tradeTimeMs, eventTimeMs);
    }

    /** What the reading stages saw, so that their reads cannot be optimised away. */
    public long checksum()
    {
        long sum = 0;
        for (final ReadingStage reader : readers)
        {
            sum += reader.checksum;
        }
        return sum;
    }

    /** Lets every slot handed in so far pass all stages, then stops them (once the stage threads have started). */
    @Override
    public void close()
    {
        disruptor.shutdown();
    }

    /** Reads the slot's input and nothing else. */
    private static final class ReadingStage implements EventHandler<FrameEvent>
    {
        private long checksum;

        @Override
        public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
        {
            checksum += event.kind + event.frameLength + event.receiveTimeNs + event.inputQuantityE8;
        }
    }
}
