package io.liqvol.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads every segment of a journal, oldest first, and hands each valid record to a visitor. A record that fails its
 * checksum is corrupt: if a valid record follows it anywhere in the journal it is reported and skipped; if it
 * belongs to the tail of the newest segment (a write torn by a crash or power loss) it is erased, so that the
 * writer continues from the last valid record.
 */
final class JournalRecovery
{
    private static final int MAX_REPORTED = 100;

    private final char[] symbol = new char[JournalDescriptor.SYMBOL_CAPACITY];
    private final CRC32C crc = new CRC32C();
    private final List<String> corruptions = new ArrayList<>();
    private long liquidations;
    private long gaps;
    private long corrupt;
    private long truncated;
    private int tailRecords;

    /** Replays {@code segments} (ascending) into the visitor and cuts a torn tail off the last one. */
    RecoveryReport recover(final List<JournalSegment> segments, final JournalVisitor visitor)
    {
        final long startNs = System.nanoTime();
        for (int s = 0; s < segments.size(); s++)
        {
            replay(segments.get(s), s == segments.size() - 1, visitor);
        }
        return new RecoveryReport(
            segments.size(), liquidations, gaps, corrupt, List.copyOf(corruptions), truncated,
            System.nanoTime() - startNs);
    }

    /** The valid records of the newest segment, where the writer goes on. */
    int tailRecords()
    {
        return tailRecords;
    }

    private void replay(final JournalSegment segment, final boolean newest, final JournalVisitor visitor)
    {
        final ByteBuffer view = segment.checksumView();
        int end = segment.capacity();
        while (end > 0 && segment.isEmpty(end - 1))
        {
            end--;
        }
        int lastValid = -1;
        int invalidSinceValid = 0;
        for (int n = 0; n < end; n++)
        {
            if (!segment.isValid(n, crc, view))
            {
                invalidSinceValid++;
                continue;
            }
            reportCorrupt(segment, n - invalidSinceValid, n);
            invalidSinceValid = 0;
            lastValid = n;
            visit(segment, n, visitor);
        }
        if (newest)
        {
            segment.erase(lastValid + 1, end);
            truncated += end - (lastValid + 1);
            tailRecords = lastValid + 1;
            segment.commit(tailRecords);
        }
        else
        {
            reportCorrupt(segment, end - invalidSinceValid, end);
            segment.commit(end);
        }
    }

    private void reportCorrupt(final JournalSegment segment, final int from, final int to)
    {
        for (int n = from; n < to; n++)
        {
            corrupt++;
            if (corruptions.size() < MAX_REPORTED)
            {
                corruptions.add(segment + "#" + n);
            }
        }
    }

    private void visit(final JournalSegment segment, final int n, final JournalVisitor visitor)
    {
        if (segment.type(n) == JournalDescriptor.TYPE_GAP)
        {
            gaps++;
            visitor.onGap(segment.tradeTimeMs(n), segment.eventTimeMs(n));
            return;
        }
        liquidations++;
        final int length = segment.symbol(n, symbol);
        visitor.onLiquidation(
            symbol, length, segment.side(n), segment.quantityE8(n), segment.priceE8(n), segment.tradeTimeMs(n),
            segment.eventTimeMs(n));
    }
}
