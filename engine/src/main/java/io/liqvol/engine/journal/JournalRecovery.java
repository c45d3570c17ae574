package io.liqvol.engine.journal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads every segment of a journal and hands each valid record to a visitor, newest first (newest segment first,
 * each from its last record back): replaying backwards lets the rebuild skip what the in-memory windows cannot hold.
 * A record that fails its checksum is corrupt: if a valid record follows it anywhere in the journal it is reported
 * and skipped; if it belongs to the tail of the newest segment (a write torn by a crash or power loss) it is erased,
 * so that the writer continues after the last valid record.
 */
final class JournalRecovery
{
    private static final int MAX_REPORTED = 100;

    private final byte[] symbol = new byte[JournalDescriptor.SYMBOL_CAPACITY];
    private final CRC32C crc = new CRC32C();
    private final List<String> corruptions = new ArrayList<>();
    private long liquidations;
    private long gaps;
    private long corrupt;
    private long truncated;
    private int tailRecords;
    private long newestReceiveTimeMs;

    /** Replays {@code segments} (ascending) into the visitor, newest record first, and cuts a torn tail off. */
    RecoveryReport recover(final List<JournalSegment> segments, final JournalVisitor visitor)
    {
        final long startNs = System.nanoTime();
        for (int s = segments.size() - 1; s >= 0; s--)
        {
            replay(segments.get(s), s == segments.size() - 1, visitor);
        }
        Collections.reverse(corruptions);
        return new RecoveryReport(
            segments.size(), liquidations, gaps, corrupt, List.copyOf(corruptions), truncated,
            System.nanoTime() - startNs);
    }

    /** When the newest valid record of the journal was written, 0 if it holds none. */
    long newestReceiveTimeMs()
    {
        return newestReceiveTimeMs;
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
        for (int n = end - 1; n >= 0; n--)
        {
            if (!segment.isValid(n, crc, view))
            {
                if (newest && lastValid < 0)
                {
                    truncated++;
                }
                else
                {
                    reportCorrupt(segment, n);
                }
                continue;
            }
            lastValid = Math.max(lastValid, n);
            visit(segment, n, visitor);
        }
        if (newest)
        {
            segment.erase(lastValid + 1, end);
            tailRecords = lastValid + 1;
            segment.commit(tailRecords);
        }
        else
        {
            segment.commit(end);
        }
    }

    private void reportCorrupt(final JournalSegment segment, final int n)
    {
        corrupt++;
        if (corruptions.size() < MAX_REPORTED)
        {
            corruptions.add(segment + "#" + n);
        }
    }

    private void visit(final JournalSegment segment, final int n, final JournalVisitor visitor)
    {
        final byte type = segment.type(n);
        if (newestReceiveTimeMs == 0)
        {
            newestReceiveTimeMs = segment.receiveTimeMs(n);
        }
        if (type == JournalDescriptor.TYPE_GAP)
        {
            gaps++;
            visitor.onGap(segment.venue(n), segment.tradeTimeMs(n), segment.eventTimeMs(n), segment.gapKind(n));
            return;
        }
        if (type == JournalDescriptor.TYPE_SYMBOL)
        {
            return;
        }
        if (type == JournalDescriptor.TYPE_HISTORY)
        {
            segment.noteHistory(segment.tradeTimeMs(n));
            return;
        }
        liquidations++;
        final int length = segment.symbol(n, symbol);
        visitor.onLiquidation(
            segment.venue(n), symbol, length, segment.side(n), segment.quantityE8(n), segment.priceE8(n),
            segment.tradeTimeMs(n),             segment.eventTimeMs(n));
    }
}
