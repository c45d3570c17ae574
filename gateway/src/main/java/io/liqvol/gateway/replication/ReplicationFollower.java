package io.liqvol.gateway.replication;

import io.aeron.Aeron;
import io.aeron.ChannelUri;
import io.aeron.ChannelUriStringBuilder;
import io.aeron.CommonContext;
import io.aeron.Subscription;
import io.aeron.archive.client.AeronArchive;
import io.aeron.archive.client.ReplayMerge;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.FrameDescriptor;
import io.aeron.logbuffer.Header;
import org.agrona.BitUtil;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;

import java.util.concurrent.TimeUnit;

/**
 * Follows one recorder: connects to its archive, finds the newest recording of the stream, replays it from where this
 * edge is and merges into the live stream (a {@link RecordingMerge}: over UDP, or over IPC when the edge shares the
 * recorder's media driver), queueing each message it has not yet seen (by
 * the recorder's journal position) for the edge. Anything wrong — the recorder gone, the merge failed, a hole in the
 * stream positions other than a term's padding (the live stream outran this edge) — closes the connection, and it
 * starts again from the last message it queued, after {@link #RETRY_INTERVAL_NS}. Never blocks: the archive
 * connection is made asynchronously. One thread.
 */
final class ReplicationFollower implements FragmentHandler, AutoCloseable
{
    static final long RETRY_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int FRAGMENTS_PER_POLL = 64;

    private final Aeron aeron;
    private final ReplicationConfig config;
    private final String endpoint;
    private final int index;
    private final MessageQueue queue;
    private final ReplicationDecoder decoder = new ReplicationDecoder();
    private AeronArchive.AsyncConnect connecting;
    private AeronArchive archive;
    private RecordingMerge merge;
    private long retryAtNs;
    private long nowNs;
    private boolean broken;
    private long recordingId = -1;
    private long recordingStartMs;
    /** The stream position after the last message received, or -1 before one of this recording. */
    private long position = -1;
    private long journalPosition;
    private volatile boolean merged;
    private volatile long received;
    private volatile long reconnects;

    ReplicationFollower(
        final Aeron aeron, final ReplicationConfig config, final String endpoint, final int index,
        final MessageQueue queue, final long recordingId, final long recordingStartMs, final long position,
        final long journalPosition)
    {
        this.aeron = aeron;
        this.config = config;
        this.endpoint = endpoint;
        this.index = index;
        this.queue = queue;
        this.recordingId = recordingId;
        this.recordingStartMs = recordingStartMs;
        this.position = recordingId < 0 ? -1 : position;
        this.journalPosition = journalPosition;
        this.retryAtNs = System.nanoTime();
    }

    int doWork(final long nowNs)
    {
        this.nowNs = nowNs;
        try
        {
            if (merge == null)
            {
                return connect();
            }
            final int fragments = queue.free() < FRAGMENTS_PER_POLL ? 0 : merge.poll(this, FRAGMENTS_PER_POLL);
            merged = merge.isMerged();
            if (broken || merge.hasFailed())
            {
                disconnect();
            }
            return fragments;
        }
        catch (final RuntimeException e)
        {
            disconnect();
            return 1;
        }
    }

    @Override
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (broken)
        {
            return;
        }
        final long endPosition = header.position();
        final long startPosition = endPosition - BitUtil.align(header.frameLength(), FrameDescriptor.FRAME_ALIGNMENT);
        // A term ends in padding, which no handler sees: the next message then starts the next term.
        if (startPosition != position
            && startPosition != BitUtil.align(position, 1L << header.positionBitsToShift()))
        {
            broken = true;
            return;
        }
        position = endPosition;
        final int type = decoder.wrap(buffer, offset, length);
        if (type == ReplicationDecoder.TYPE_UNKNOWN || decoder.journalPosition() <= journalPosition)
        {
            return;
        }
        journalPosition = decoder.journalPosition();
        final long keyMs = type == ReplicationDescriptor.TYPE_LIQUIDATION ? decoder.tradeTimeMs() : decoder.toMs();
        queue.add(buffer, offset, length, keyMs, endPosition, nowNs);
        received++;
    }

    /** Its index among the recorders followed. */
    int index()
    {
        return index;
    }

    String endpoint()
    {
        return endpoint;
    }

    MessageQueue queue()
    {
        return queue;
    }

    long recordingId()
    {
        return recordingId;
    }

    long recordingStartMs()
    {
        return recordingStartMs;
    }

    /** Connected and reading the recording (replayed or live). */
    boolean isFollowing()
    {
        return merge != null;
    }

    /** Caught up with the recorder's live stream. Any thread. */
    boolean merged()
    {
        return merged;
    }

    /** Messages queued (new ones only). Any thread. */
    long received()
    {
        return received;
    }

    /** Connections lost or refused and tried again. Any thread. */
    long reconnects()
    {
        return reconnects;
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(merge, archive, connecting);
        merge = null;
        archive = null;
        connecting = null;
    }

    private int connect()
    {
        if (archive == null)
        {
            if (connecting == null)
            {
                if (nowNs - retryAtNs < 0)
                {
                    return 0;
                }
                connecting = AeronArchive.asyncConnect(new AeronArchive.Context()
                    .aeron(aeron)
                    .controlRequestChannel("aeron:udp?endpoint=" + endpoint)
                    .controlResponseChannel("aeron:udp?endpoint=" + config.localHost() + ":0")
                    .messageTimeoutNs(TimeUnit.SECONDS.toNanos(2)));
            }
            archive = connecting.poll();
            if (archive == null)
            {
                return 0;
            }
            connecting = null;
        }
        final long[] newest = {-1, 0, 0, 0};
        final String[] channel = new String[1];
        archive.listRecordings(0, Integer.MAX_VALUE,
            (controlSessionId, correlationId, id, startTimestamp, stopTimestamp, startPosition, stopPosition,
                initialTermId, segmentFileLength, termBufferLength, mtuLength, sessionId, streamId, strippedChannel,
                originalChannel, sourceIdentity) ->
            {
                if (streamId == config.streamId() && id > newest[0])
                {
                    newest[0] = id;
                    newest[1] = startTimestamp;
                    newest[2] = startPosition;
                    newest[3] = termBufferLength;
                    channel[0] = originalChannel;
                }
            });
        if (newest[0] < 0)
        {
            disconnect();
            return 1;
        }
        follow(newest[0], newest[1], newest[2], (int)newest[3], ChannelUri.parse(channel[0]));
        return 1;
    }

    private void follow(
        final long id, final long startMs, final long startPosition, final int termLength, final ChannelUri recorded)
    {
        if (id != recordingId || startMs != recordingStartMs)
        {
            recordingId = id;
            recordingStartMs = startMs;
            position = -1;
        }
        if (position < 0)
        {
            position = startPosition;
        }
        final String sessionId = recorded.get(CommonContext.SESSION_ID_PARAM_NAME);
        final String control = recorded.get(CommonContext.MDC_CONTROL_PARAM_NAME);
        merge = config.ipc() ? ipcMerge(sessionId, control, termLength) : udpMerge(sessionId, control);
        broken = false;
    }

    private RecordingMerge udpMerge(final String sessionId, final String control)
    {
        final Subscription subscription = aeron.addSubscription(new ChannelUriStringBuilder()
            .media(CommonContext.UDP_MEDIA)
            .controlMode(CommonContext.MDC_CONTROL_MODE_MANUAL)
            .sessionId(Integer.valueOf(sessionId))
            .build(), config.streamId());
        return new UdpRecordingMerge(subscription, new ReplayMerge(subscription, archive,
            "aeron:udp?session-id=" + sessionId,
            "aeron:udp?endpoint=" + config.localHost() + ":0",
            "aeron:udp?endpoint=" + config.localHost() + ":0|control=" + control,
            recordingId, position));
    }

    /** The recorder publishes on this process's media driver: replay over IPC, then spy on its publication. */
    private RecordingMerge ipcMerge(final String sessionId, final String control, final int termLength)
    {
        final String spyChannel = CommonContext.SPY_PREFIX + new ChannelUriStringBuilder()
            .media(CommonContext.UDP_MEDIA)
            .controlEndpoint(control)
            .controlMode(CommonContext.MDC_CONTROL_MODE_DYNAMIC)
            .sessionId(Integer.valueOf(sessionId))
            .build();
        return new IpcRecordingMerge(aeron, archive, recordingId, position, spyChannel, config.streamId(), termLength);
    }

    private void disconnect()
    {
        close();
        merged = false;
        broken = false;
        reconnects++;
        retryAtNs = nowNs + RETRY_INTERVAL_NS;
    }
}
