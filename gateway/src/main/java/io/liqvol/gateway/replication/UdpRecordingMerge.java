package io.liqvol.gateway.replication;

import io.aeron.Subscription;
import io.aeron.archive.client.ReplayMerge;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.CloseHelper;

/** Aeron's {@link ReplayMerge}: replay and live stream over UDP, the live one by manual multi-destination-cast. */
final class UdpRecordingMerge implements RecordingMerge
{
    private final Subscription subscription;
    private final ReplayMerge merge;

    UdpRecordingMerge(final Subscription subscription, final ReplayMerge merge)
    {
        this.subscription = subscription;
        this.merge = merge;
    }

    @Override
    public int poll(final FragmentHandler handler, final int fragmentLimit)
    {
        return merge.poll(handler, fragmentLimit);
    }

    @Override
    public boolean isMerged()
    {
        return merge.isMerged();
    }

    @Override
    public boolean hasFailed()
    {
        return merge.hasFailed() || merge.image() != null && merge.image().isClosed();
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(merge, subscription);
    }
}
