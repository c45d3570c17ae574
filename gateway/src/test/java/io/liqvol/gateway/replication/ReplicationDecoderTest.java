package io.liqvol.gateway.replication;

import io.liqvol.engine.GapKind;
import io.liqvol.engine.Venue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicationDecoderTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
    private final ReplicationEncoder encoder = new ReplicationEncoder();
    private final ReplicationDecoder decoder = new ReplicationDecoder();

    @Test
    void shouldNotReadAMessageShorterThanItsType()
    {
        final int length = encoder.wrap(buffer, 0).liquidation(1, 2, 0, 0, new byte[] {'B'}, 0, 1, 3, 4, 5, 6);

        assertThat(decoder.wrap(buffer, 0, length - 1)).isEqualTo(ReplicationDecoder.TYPE_UNKNOWN);
        assertThat(decoder.wrap(buffer, 0, ReplicationDescriptor.GAP_LENGTH - 1))
            .isEqualTo(ReplicationDecoder.TYPE_UNKNOWN);
    }

    @Test
    void shouldNotReadAnotherVersionOrType()
    {
        final int length = encoder.wrap(buffer, 0).gap(1, 2, 0, 0, 3, 4);
        buffer.putByte(ReplicationDescriptor.VERSION_OFFSET, (byte)(ReplicationDescriptor.VERSION + 1));
        assertThat(decoder.wrap(buffer, 0, length)).isEqualTo(ReplicationDecoder.TYPE_UNKNOWN);

        buffer.putByte(ReplicationDescriptor.VERSION_OFFSET, ReplicationDescriptor.VERSION);
        buffer.putByte(ReplicationDescriptor.TYPE_OFFSET, (byte)9);
        assertThat(decoder.wrap(buffer, 0, length)).isEqualTo(ReplicationDecoder.TYPE_UNKNOWN);
    }

    @Test
    void shouldReadAGapWrittenBeforeGapsCarriedTheirVenueAsBinances()
    {
        // The layout before: | type | version | kind | 0 | recorder | journal position | from | to |
        buffer.setMemory(0, ReplicationDescriptor.GAP_LENGTH, (byte)0);
        buffer.putByte(ReplicationDescriptor.TYPE_OFFSET, ReplicationDescriptor.TYPE_GAP);
        buffer.putByte(ReplicationDescriptor.VERSION_OFFSET, (byte)1);
        buffer.putByte(ReplicationDescriptor.KIND_OFFSET, (byte)GapKind.DOWNTIME.ordinal());
        buffer.putLong(ReplicationDescriptor.FROM_OFFSET, 3, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(ReplicationDescriptor.TO_OFFSET, 4, ByteOrder.LITTLE_ENDIAN);

        assertThat(decoder.wrap(buffer, 0, ReplicationDescriptor.GAP_LENGTH)).isEqualTo(ReplicationDescriptor.TYPE_GAP);
        assertThat(Venue.fromOrdinal(decoder.gapVenue())).isEqualTo(Venue.BINANCE);
        assertThat(GapKind.fromOrdinal(decoder.gapKind())).isEqualTo(GapKind.DOWNTIME);
        assertThat(decoder.toMs()).isEqualTo(4);
    }

    @Test
    void shouldNotReadALiquidationWithoutASymbol()
    {
        final int length = encoder.wrap(buffer, 0).liquidation(1, 2, 0, 0, new byte[] {'B'}, 0, 1, 3, 4, 5, 6);
        buffer.putByte(ReplicationDescriptor.SYMBOL_LENGTH_OFFSET, (byte)0);

        assertThat(decoder.wrap(buffer, 0, length)).isEqualTo(ReplicationDecoder.TYPE_UNKNOWN);
    }
}
