package io.liqvol.gateway.replication;

import io.aeron.Publication;
import io.liqvol.engine.journal.JournalTailHandler;
import io.liqvol.engine.journal.JournalTailer;
import org.agrona.BufferUtil;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Publishes a journal's records, oldest first, as replication messages on an Aeron publication, on a thread of its
 * own. It reads what the journal already holds rather than listening to the engine: a listener must never block, so
 * a slow or absent receiver would force it to drop, while the journal keeps every record until this gets to it. A
 * message the publication refuses (back pressure, not yet connected) is offered again on the next duty cycle.
 */
final class JournalPublisher implements Agent, JournalTailHandler
{
    private static final int RECORDS_PER_DUTY_CYCLE = 256;

    private final JournalTailer tailer;
    private final Publication publication;
    private final int recorderId;
    private final ReplicationEncoder encoder = new ReplicationEncoder();
    private final UnsafeBuffer buffer =
        new UnsafeBuffer(BufferUtil.allocateDirectAligned(ReplicationDescriptor.MAX_LENGTH, 64));
    private int pendingLength;
    private volatile long published;
    private volatile long refusedOffers;

    JournalPublisher(final JournalTailer tailer, final Publication publication, final int recorderId)
    {
        this.tailer = tailer;
        this.publication = publication;
        this.recorderId = recorderId;
        encoder.wrap(buffer, 0);
    }

    @Override
    public int doWork()
    {
        int work = 0;
        while (work < RECORDS_PER_DUTY_CYCLE)
        {
            if (pendingLength > 0)
            {
                if (publication.offer(buffer, 0, pendingLength) < 0)
                {
                    refusedOffers++;
                    break;
                }
                pendingLength = 0;
                published++;
                work++;
            }
            if (tailer.poll(this, 1) == 0)
            {
                break;
            }
        }
        return work;
    }

    @Override
    public void onLiquidation(
        final long segment,
        final int record,
        final int venue,
        final int side,
        final byte[] symbol,
        final int symbolLength,
        final long tradeTimeMs,
        final long eventTimeMs,
        final long quantityE8,
        final long priceE8)
    {
        pendingLength = encoder.liquidation(recorderId, ReplicationDescriptor.journalPosition(segment, record), venue,
            side, symbol, 0, symbolLength, tradeTimeMs, eventTimeMs, quantityE8, priceE8);
    }

    @Override
    public void onGap(
        final long segment, final int record, final int venue, final int kind, final long fromMs, final long toMs)
    {
        pendingLength = encoder.gap(recorderId, ReplicationDescriptor.journalPosition(segment, record), venue, kind,
            fromMs, toMs);
    }

    @Override
    public void onClose()
    {
        tailer.close();
    }

    @Override
    public String roleName()
    {
        return "liqvol-replication-publisher";
    }

    /** Messages published so far. Any thread. */
    long published()
    {
        return published;
    }

    /** Offers refused (back pressure or no receiver yet) and tried again. Any thread. */
    long refusedOffers()
    {
        return refusedOffers;
    }
}
