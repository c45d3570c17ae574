package io.liqvol.gateway.replication;

import io.aeron.logbuffer.FragmentHandler;

/**
 * Reads a recorder's recording from a position, replayed from its archive, and then its live stream, each message
 * once and in stream order: {@link UdpRecordingMerge} between machines, {@link IpcRecordingMerge} on the recorder's
 * media driver. One thread.
 */
interface RecordingMerge extends AutoCloseable
{
    /** Polls up to {@code fragmentLimit} messages into {@code handler}; returns the work done. */
    int poll(FragmentHandler handler, int fragmentLimit);

    /** Reading the live stream now. */
    boolean isMerged();

    /** Cannot go on (the archive or the recorder gone, the merge failed): close and start again. */
    boolean hasFailed();

    @Override
    void close();
}
