package io.liqvol.gateway.replication;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicationEncoderTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final ReplicationEncoder encoder = new ReplicationEncoder();
    private final ReplicationDecoder decoder = new ReplicationDecoder();

    @Test
    void shouldRoundTripALiquidationAtAnOffset()
    {
        final byte[] symbol = "xx1000PEPEUSDT".getBytes(StandardCharsets.US_ASCII);
        buffer.setMemory(0, buffer.capacity(), (byte)0x7F);
        final long position = ReplicationDescriptor.journalPosition(3, 41);

        final int length = encoder.wrap(buffer, 8).liquidation(7, position, 2, 1, symbol, 2, symbol.length - 2,
            1_700_000_000_123L, 1_700_000_000_456L, 12_345_678_901L, Long.MAX_VALUE);

        assertThat(length).isEqualTo(ReplicationDescriptor.LIQUIDATION_LENGTH);
        assertThat(decoder.wrap(buffer, 8, length)).isEqualTo(ReplicationDescriptor.TYPE_LIQUIDATION);
        assertThat(decoder.recorderId()).isEqualTo(7);
        assertThat(decoder.journalPosition()).isEqualTo(position).isEqualTo((3L << 32) + 41);
        assertThat(decoder.venue()).isEqualTo(2);
        assertThat(decoder.side()).isEqualTo(1);
        final byte[] read = new byte[ReplicationDescriptor.SYMBOL_CAPACITY];
        assertThat(new String(read, 0, decoder.symbol(read), StandardCharsets.US_ASCII)).isEqualTo("1000PEPEUSDT");
        assertThat(decoder.tradeTimeMs()).isEqualTo(1_700_000_000_123L);
        assertThat(decoder.eventTimeMs()).isEqualTo(1_700_000_000_456L);
        assertThat(decoder.quantityE8()).isEqualTo(12_345_678_901L);
        assertThat(decoder.priceE8()).isEqualTo(Long.MAX_VALUE);
        assertThat(buffer.getByte(8 + ReplicationDescriptor.SYMBOL_OFFSET + 12)).isZero();
        assertThat(buffer.getByte(8 + length)).isEqualTo((byte)0x7F);
    }

    @Test
    void shouldRoundTripAGap()
    {
        final int length = encoder.wrap(buffer, 0).gap(-2, 99L, 1, 2, 1_000L, 5_000L);

        assertThat(length).isEqualTo(ReplicationDescriptor.GAP_LENGTH);
        assertThat(decoder.wrap(buffer, 0, length)).isEqualTo(ReplicationDescriptor.TYPE_GAP);
        assertThat(decoder.recorderId()).isEqualTo(-2);
        assertThat(decoder.journalPosition()).isEqualTo(99L);
        assertThat(decoder.gapVenue()).isEqualTo(1);
        assertThat(decoder.gapKind()).isEqualTo(2);
        assertThat(decoder.fromMs()).isEqualTo(1_000L);
        assertThat(decoder.toMs()).isEqualTo(5_000L);
    }

    @Test
    void shouldRefuseASymbolThatDoesNotFit()
    {
        final byte[] symbol = new byte[ReplicationDescriptor.SYMBOL_CAPACITY + 1];

        assertThatThrownBy(() -> encoder.wrap(buffer, 0).liquidation(1, 0, 0, 0, symbol, 0, symbol.length, 1, 1, 1, 1))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.wrap(buffer, 0).liquidation(1, 0, 0, 0, symbol, 0, 0, 1, 1, 1, 1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldOrderJournalPositionsBySegmentThenRecord()
    {
        assertThat(ReplicationDescriptor.journalPosition(1, Integer.MAX_VALUE))
            .isLessThan(ReplicationDescriptor.journalPosition(2, 0));
    }
}
