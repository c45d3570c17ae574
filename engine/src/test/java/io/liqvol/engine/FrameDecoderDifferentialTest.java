package io.liqvol.engine;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The scanner-first decoder against jackson alone, frame after frame through the same sequence of generated and
 * mutated frames: the same accepted liquidations, the same reject reasons and the same counters, every time. The
 * seed is random unless {@code -Dliqvol.differential.seed=N} fixes it, and every failure names it.
 */
class FrameDecoderDifferentialTest
{
    private static final int FRAMES = Integer.getInteger("liqvol.differential.frames", 2_000_000);
    /** What a frame in Binance's exact layout can still be refused for: its values. */
    private static final Set<RejectReason> CANONICAL_REASONS = EnumSet.of(RejectReason.NON_POSITIVE,
        RejectReason.TOO_PRECISE, RejectReason.INVALID_NUMBER, RejectReason.INVALID_SIDE,
        RejectReason.ABSURD_TIMESTAMP);
    private static final Set<RejectReason> WHOLE_FRAME_REASONS =
        EnumSet.of(RejectReason.MALFORMED_JSON, RejectReason.OVERSIZED_FRAME);

    @Test
    void shouldDecodeEveryFrameExactlyAsJacksonAloneDoes()
    {
        final long seed = Long.getLong("liqvol.differential.seed", System.nanoTime());
        final FrameGenerator generator = new FrameGenerator(seed);
        final Decoding scannerFirst = new Decoding(true);
        final Decoding jacksonOnly = new Decoding(false);
        final long[] scannedOutcomes = new long[Decoding.OUTCOMES];
        final long[] canonicalOutcomes = new long[Decoding.OUTCOMES];
        for (int n = 0; n < FRAMES; n++)
        {
            final byte[] frame = generator.next();
            final long scannedBefore = scannerFirst.decoder.scannedFrames();
            final long canonicalBefore = scannerFirst.decoder.canonicalFrames();
            final long[] before = scannerFirst.outcomes();
            scannerFirst.decode(frame);
            jacksonOnly.decode(frame);
            if (!scannerFirst.sameAs(jacksonOnly))
            {
                fail("seed %d (-Dliqvol.differential.seed=%d), frame %d: %s%n scanner first: %s%n jackson only:  %s",
                    seed, seed, n, printable(frame), scannerFirst.describe(), jacksonOnly.describe());
            }
            if (scannerFirst.decoder.scannedFrames() > scannedBefore)
            {
                final long[] after = scannerFirst.outcomes();
                final boolean canonical = scannerFirst.decoder.canonicalFrames() > canonicalBefore;
                for (int i = 0; i < after.length; i++)
                {
                    scannedOutcomes[i] += after[i] - before[i];
                    canonicalOutcomes[i] += canonical ? after[i] - before[i] : 0;
                }
            }
        }

        assertThat(scannerFirst.decoder.scannedFrames()).as("seed %d: frames the scanner read", seed)
            .isGreaterThan(FRAMES / 4);
        for (int i = 1; i < Decoding.OUTCOMES; i++)
        {
            final boolean wholeFrame = i >= Decoding.FIRST_REJECT
                && WHOLE_FRAME_REASONS.contains(RejectReason.fromOrdinal(i - Decoding.FIRST_REJECT));
            assertThat(scannedOutcomes[i]).as("seed %d: outcome %s of frames the scanner read", seed,
                Decoding.outcomeName(i)).is(wholeFrame ? ZERO : POSITIVE);
        }
        System.out.printf("seed %d: %d frames, %d read by the strict readers, %d in Binance's layout%n", seed, FRAMES,
            scannerFirst.decoder.scannedFrames(), scannerFirst.decoder.canonicalFrames());
        assertThat(scannerFirst.decoder.canonicalFrames()).as("seed %d: frames in Binance's layout", seed)
            .isGreaterThan(FRAMES / 200);
        for (final RejectReason reason : CANONICAL_REASONS)
        {
            assertThat(canonicalOutcomes[Decoding.FIRST_REJECT + reason.ordinal()])
                .as("seed %d: %s among frames in Binance's layout", seed, reason).is(POSITIVE);
        }
    }

    private static final org.assertj.core.api.Condition<Long> ZERO =
        new org.assertj.core.api.Condition<>(value -> value == 0, "never");
    private static final org.assertj.core.api.Condition<Long> POSITIVE =
        new org.assertj.core.api.Condition<>(value -> value > 0, "seen");

    private static String printable(final byte[] frame)
    {
        final StringBuilder text = new StringBuilder();
        for (final byte b : frame)
        {
            text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char)b) : String.format("\\x%02x", b & 0xFF));
        }
        return text.toString();
    }

    /** One decoder with its own symbols, duplicate filter and counters, and what its last frame gave. */
    private static final class Decoding
    {
        static final int FIRST_REJECT = 4;
        static final int OUTCOMES = FIRST_REJECT + RejectReason.values().length;

        final EngineCounters counters = new EngineCounters();
        /** Room for half the symbols it names: the memory budget refuses some before the table is full. */
        final SymbolTable symbols = new SymbolTable(64, 32, counters);
        final FrameEvent event = new FrameEvent(8192);
        final FrameDecoder decoder;

        Decoding(final boolean scannerFirst)
        {
            decoder = new FrameDecoder(symbols, new DuplicateFilter(64), counters, () -> FrameGenerator.NOW_MS,
                EngineContext.DEFAULT_MIN_TIME_MS, EngineContext.DEFAULT_MAX_FUTURE_SKEW_MS, scannerFirst);
        }

        void decode(final byte[] frame)
        {
            event.setFrame(frame, 0, frame.length, 1L);
            decoder.decode(event);
        }

        /** Received, accepted, duplicates, ignored, then rejected by reason: totals so far. */
        long[] outcomes()
        {
            final long[] outcomes = new long[OUTCOMES];
            outcomes[0] = counters.received();
            outcomes[1] = counters.accepted();
            outcomes[2] = counters.duplicates();
            outcomes[3] = counters.ignored();
            for (final RejectReason reason : RejectReason.values())
            {
                outcomes[FIRST_REJECT + reason.ordinal()] = counters.rejected(reason);
            }
            return outcomes;
        }

        static String outcomeName(final int index)
        {
            return index < FIRST_REJECT ? new String[] {"received", "accepted", "duplicates", "ignored"}[index]
                : "rejected " + RejectReason.fromOrdinal(index - FIRST_REJECT).label();
        }

        boolean sameAs(final Decoding other)
        {
            if (event.count != other.event.count || !Arrays.equals(outcomes(), other.outcomes()))
            {
                return false;
            }
            for (int i = 0; i < event.count; i++)
            {
                if (!symbols.nameOf(event.symbolId[i]).equals(other.symbols.nameOf(other.event.symbolId[i]))
                    || event.side[i] != other.event.side[i]
                    || event.quantityE8[i] != other.event.quantityE8[i]
                    || event.priceE8[i] != other.event.priceE8[i]
                    || event.tradeTimeMs[i] != other.event.tradeTimeMs[i]
                    || event.eventTimeMs[i] != other.event.eventTimeMs[i])
                {
                    return false;
                }
            }
            return true;
        }

        String describe()
        {
            final StringBuilder text = new StringBuilder();
            for (int i = 0; i < event.count; i++)
            {
                text.append(symbols.nameOf(event.symbolId[i])).append(' ').append(Side.fromOrdinal(event.side[i]))
                    .append(" q=").append(event.quantityE8[i]).append(" p=").append(event.priceE8[i])
                    .append(" T=").append(event.tradeTimeMs[i]).append(" E=").append(event.eventTimeMs[i])
                    .append("; ");
            }
            final long[] outcomes = outcomes();
            for (int i = 0; i < OUTCOMES; i++)
            {
                text.append(outcomeName(i)).append('=').append(outcomes[i]).append(i + 1 < OUTCOMES ? ", " : "");
            }
            return text.toString();
        }
    }
}
