package io.liqvol.gateway.replication;

import io.aeron.Aeron;
import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.archive.client.AeronArchive;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;

import java.util.concurrent.TimeUnit;

/**
 * A merge for an edge on the recorder's media driver, where {@link io.aeron.archive.client.ReplayMerge} (UDP
 * destinations) does not apply: replays the recording over IPC from the edge's position; once the replay is within
 * {@link #SPY_WINDOW_DIVISOR a quarter term} of the recording's live position, adds a spy subscription on the
 * recorder's publication (same driver: the publication's own buffers, no copy through the network stack) and
 * replays on to where the spy joined; then stops the replay and reads the spy, dropping what the replay delivered
 * already (positions are the stream's in both). Replay first, spy late: a spy that is not polled holds the
 * publisher back, so it is added only near the end. One thread.
 */
final class IpcRecordingMerge implements RecordingMerge, FragmentHandler
{
    static final int SPY_WINDOW_DIVISOR = 4;
    private static final long POSITION_CHECK_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Aeron aeron;
    private final AeronArchive archive;
    private final long recordingId;
    private final String spyChannel;
    private final int streamId;
    private final long spyWindow;
    private Subscription replaySubscription;
    private long replaySessionId;
    private Subscription spySubscription;
    private Image spy;
    /** The stream position after the last message delivered. */
    private long position;
    private long positionCheckAtNs = System.nanoTime();
    private boolean replaying;
    private boolean merged;
    private boolean failed;
    private FragmentHandler handler;

    /**
     * Starts replaying {@code recordingId} from {@code position} over {@code aeron:ipc}; {@code spyChannel} is the
     * recorder's publication (with its session id), {@code termLength} its terms' length.
     */
    IpcRecordingMerge(
        final Aeron aeron, final AeronArchive archive, final long recordingId, final long position,
        final String spyChannel, final int streamId, final int termLength)
    {
        this.aeron = aeron;
        this.archive = archive;
        this.recordingId = recordingId;
        this.spyChannel = spyChannel;
        this.streamId = streamId;
        this.spyWindow = termLength / SPY_WINDOW_DIVISOR;
        this.position = position;
        replaySessionId = archive.startReplay(recordingId, position, AeronArchive.NULL_LENGTH, "aeron:ipc", streamId);
        replaySubscription = aeron.addSubscription("aeron:ipc?session-id=" + (int)replaySessionId, streamId);
    }

    @Override
    public int poll(final FragmentHandler handler, final int fragmentLimit)
    {
        this.handler = handler;
        if (merged)
        {
            failed = spy.isClosed();
            return spy.poll(this, fragmentLimit);
        }
        final int fragments = replaySubscription.poll(this, fragmentLimit);
        final Image replay = replaySubscription.imageBySessionId((int)replaySessionId);
        if (replay == null)
        {
            // A replay that connected and is gone (the archive stopped it, or went) ends this merge.
            failed = replaying;
            return fragments;
        }
        replaying = true;
        if (replay.isClosed())
        {
            failed = true;
        }
        else if (spySubscription == null)
        {
            addSpyNearTheLivePosition();
        }
        else if (spy == null)
        {
            spy = spySubscription.imageCount() > 0 ? spySubscription.imageAtIndex(0) : null;
        }
        else if (position >= spy.joinPosition())
        {
            archive.stopReplay(replaySessionId);
            CloseHelper.quietClose(replaySubscription);
            replaySubscription = null;
            merged = true;
        }
        return fragments;
    }

    @Override
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        // The spy joined at or before where the replay got to: what it holds up to there was delivered already.
        if (header.position() > position)
        {
            position = header.position();
            handler.onFragment(buffer, offset, length, header);
        }
    }

    @Override
    public boolean isMerged()
    {
        return merged;
    }

    @Override
    public boolean hasFailed()
    {
        return failed;
    }

    @Override
    public void close()
    {
        if (replaySubscription != null)
        {
            try
            {
                archive.stopReplay(replaySessionId);
            }
            catch (final RuntimeException ignored)
            {
                // The replay ended with the archive's connection; nothing to stop.
            }
        }
        CloseHelper.quietCloseAll(replaySubscription, spySubscription);
    }

    private void addSpyNearTheLivePosition()
    {
        final long nowNs = System.nanoTime();
        if (nowNs - positionCheckAtNs < 0)
        {
            return;
        }
        positionCheckAtNs = nowNs + POSITION_CHECK_INTERVAL_NS;
        final long livePosition = archive.getRecordingPosition(recordingId);
        if (livePosition == AeronArchive.NULL_POSITION)
        {
            failed = true;
        }
        else if (livePosition - position <= spyWindow)
        {
            spySubscription = aeron.addSubscription(spyChannel, streamId);
        }
    }
}
