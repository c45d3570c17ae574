package io.liqvol.engine;

import org.junit.jupiter.api.Test;

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
    /** Reasons of other venues' frames, which Binance's never give. */
    private static final Set<RejectReason> OTHER_VENUES_REASONS = EnumSet.of(RejectReason.UNKNOWN_INSTRUMENT);

    @Test
    void shouldDecodeEveryFrameExactlyAsJacksonAloneDoes()
    {
        final long seed = Long.getLong("liqvol.differential.seed", System.nanoTime());
        final FrameGenerator generator = new FrameGenerator(seed);
        final DifferentialDecoding scannerFirst = new DifferentialDecoding(true);
        final DifferentialDecoding jacksonOnly = new DifferentialDecoding(false);
        final long[] scannedOutcomes = new long[DifferentialDecoding.OUTCOMES];
        final long[] canonicalOutcomes = new long[DifferentialDecoding.OUTCOMES];
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
                    seed, seed, n, DifferentialDecoding.printable(frame), scannerFirst.describe(),
                    jacksonOnly.describe());
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
        for (int i = 1; i < DifferentialDecoding.OUTCOMES; i++)
        {
            final RejectReason reason = i >= DifferentialDecoding.FIRST_REJECT
                ? RejectReason.fromOrdinal(i - DifferentialDecoding.FIRST_REJECT) : null;
            final boolean never = WHOLE_FRAME_REASONS.contains(reason) || OTHER_VENUES_REASONS.contains(reason);
            assertThat(scannedOutcomes[i]).as("seed %d: outcome %s of frames the scanner read", seed,
                DifferentialDecoding.outcomeName(i)).is(never ? ZERO : POSITIVE);
        }
        System.out.printf("seed %d: %d frames, %d read by the strict readers, %d in Binance's layout%n", seed, FRAMES,
            scannerFirst.decoder.scannedFrames(), scannerFirst.decoder.canonicalFrames());
        assertThat(scannerFirst.decoder.canonicalFrames()).as("seed %d: frames in Binance's layout", seed)
            .isGreaterThan(FRAMES / 200);
        for (final RejectReason reason : CANONICAL_REASONS)
        {
            assertThat(canonicalOutcomes[DifferentialDecoding.FIRST_REJECT + reason.ordinal()])
                .as("seed %d: %s among frames in Binance's layout", seed, reason).is(POSITIVE);
        }
    }

    private static final org.assertj.core.api.Condition<Long> ZERO =
        new org.assertj.core.api.Condition<>(value -> value == 0, "never");
    private static final org.assertj.core.api.Condition<Long> POSITIVE =
        new org.assertj.core.api.Condition<>(value -> value > 0, "seen");

}
