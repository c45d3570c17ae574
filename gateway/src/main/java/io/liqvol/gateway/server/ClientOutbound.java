package io.liqvol.gateway.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The way from publishers to one client, on the client's event loop. Its {@link LoopFanOut} hands it each
 * shared message (a whole WebSocket frame, written as it is): written at once while the channel is writable
 * and nothing waits, else kept, then flushed once per drain, so that messages that arrived together leave in one
 * write. A lagging client keeps ordered messages (orders, gaps) up to a byte bound, checked after each drain has
 * written what it could, and only the newest message per bucket; past the bound it is closed with 1013 and
 * counted, never silently skipped.
 */
final class ClientOutbound
{
    /**
     * Edits the ordered messages held for a client until its snapshot was written (dropping or replacing
     * some; a dropped or replaced message's reference must be released).
     */
    interface HeldFilter
    {
        void filter(ArrayDeque<OutboundMessage> held);
    }

    private static final int MAX_COALESCED = 32;
    private static final int REMEMBERED = 4;

    private final Channel channel;
    private final LoopFanOut fanOut;
    private final SentTally tally;
    private final GatewayMetrics metrics;
    private final int maxPendingBytes;
    private final long closeTimeoutMs;

    private final ArrayDeque<OutboundMessage> pendingOrdered = new ArrayDeque<>();
    private final OutboundMessage[] pendingCoalesced = new OutboundMessage[MAX_COALESCED];
    private int pendingCoalescedCount;
    private long pendingOrderedBytes;
    private boolean holding = true;
    private boolean open = true;
    /** Handed a message in the current drain of its loop. */
    private boolean touched;
    /** Written to but not flushed. */
    private boolean unflushed;
    /** The last written message of the most recently written keys (each holding a reference), for replays. */
    private final OutboundMessage[] lastWritten = new OutboundMessage[REMEMBERED];

    ClientOutbound(final Channel channel, final ServerConfig config, final LoopFanOut fanOut)
    {
        this.channel = channel;
        this.fanOut = fanOut;
        this.tally = fanOut.tally();
        this.metrics = fanOut.metrics();
        this.maxPendingBytes = config.maxPendingBytes();
        this.closeTimeoutMs = config.closeTimeoutMs();
    }

    LoopFanOut fanOut()
    {
        return fanOut;
    }

    /**
     * Takes the message from its loop's drain: writes it now or keeps a reference of it. Returns true when
     * this is the first message of the drain for this client ({@link #delivered()} is then due). Event loop.
     */
    boolean accept(final OutboundMessage message)
    {
        if (!open)
        {
            return false;
        }
        final boolean first = !touched;
        touched = true;
        if (!holding && pendingOrdered.isEmpty() && pendingCoalescedCount == 0 && channel.isWritable())
        {
            write(message);
            unflushed = true;
        }
        else if (message.isCoalesced())
        {
            message.bytes.retain();
            coalesce(message);
        }
        else
        {
            message.bytes.retain();
            pendingOrdered.addLast(message);
            pendingOrderedBytes += message.sizeBytes();
        }
        return first;
    }

    /** The end of a drain that handed this client messages: writes what waits, flushes once. Event loop. */
    void delivered()
    {
        touched = false;
        flushPending();
        checkPendingBound();
    }

    /** The loop's queue was full: the client cannot be given every message, so it is closed. Any thread. */
    void overflow()
    {
        channel.eventLoop().execute(() ->
        {
            if (open)
            {
                closeTooSlow("client too slow: outbound queue full");
            }
        });
    }

    /** Starts delivering live messages, after the client's snapshot was written; event loop. */
    void release()
    {
        release(null);
    }

    /** As {@link #release()}, after the filter edited the ordered messages held so far. */
    void release(final HeldFilter filter)
    {
        fanOut.drain();
        if (open && filter != null)
        {
            filter.filter(pendingOrdered);
            pendingOrderedBytes = 0;
            for (final OutboundMessage held : pendingOrdered)
            {
                pendingOrderedBytes += held.sizeBytes();
            }
        }
        holding = false;
        flushPending();
        checkPendingBound();
        tally.flushTo(metrics);
    }

    /** Called by the handler when the channel's writability changed; event loop. */
    void writabilityChanged()
    {
        flushPending();
        tally.flushTo(metrics);
    }

    private void checkPendingBound()
    {
        if (open && pendingOrderedBytes > maxPendingBytes)
        {
            closeTooSlow("client too slow: more than " + maxPendingBytes + " bytes of orders pending");
        }
    }

    private void coalesce(final OutboundMessage message)
    {
        for (int i = 0; i < pendingCoalescedCount; i++)
        {
            if (pendingCoalesced[i].sameKey(message))
            {
                pendingCoalesced[i].bytes.release();
                pendingCoalesced[i] = message;
                metrics.increment(GatewayMetrics.COALESCED_UPDATES);
                return;
            }
        }
        if (pendingCoalescedCount == MAX_COALESCED)
        {
            flushPending();
        }
        if (pendingCoalescedCount == MAX_COALESCED)
        {
            message.bytes.release();
            closeTooSlow("client too slow: more than " + MAX_COALESCED + " buckets pending");
            return;
        }
        pendingCoalesced[pendingCoalescedCount++] = message;
    }

    /** Writes what waits while the channel is writable (each kept reference given up), then flushes once. */
    private void flushPending()
    {
        if (!open || holding)
        {
            return;
        }
        while (channel.isWritable() && !pendingOrdered.isEmpty())
        {
            final OutboundMessage message = pendingOrdered.pollFirst();
            pendingOrderedBytes -= message.sizeBytes();
            write(message);
            message.bytes.release();
            unflushed = true;
        }
        int written = 0;
        while (channel.isWritable() && written < pendingCoalescedCount)
        {
            final OutboundMessage message = pendingCoalesced[written];
            pendingCoalesced[written++] = null;
            write(message);
            message.bytes.release();
            unflushed = true;
        }
        if (written > 0)
        {
            System.arraycopy(pendingCoalesced, written, pendingCoalesced, 0, pendingCoalescedCount - written);
            for (int i = pendingCoalescedCount - written; i < pendingCoalescedCount; i++)
            {
                pendingCoalesced[i] = null;
            }
            pendingCoalescedCount -= written;
        }
        if (unflushed)
        {
            unflushed = false;
            channel.flush();
        }
    }

    /**
     * Writes again the last written message of each remembered key of {@code group} with a time in
     * {@code [fromMs, toMs)}: after an answer computed a moment earlier (a range), so that the client ends
     * with the newest totals it was sent. Event loop.
     */
    void replayLastWritten(final int group, final long fromMs, final long toMs)
    {
        if (!open)
        {
            return;
        }
        boolean wrote = false;
        for (final OutboundMessage message : lastWritten)
        {
            if (message != null && message.coalesceGroup == group && message.coalesceTimeMs >= fromMs
                && message.coalesceTimeMs < toMs)
            {
                writeToChannel(message);
                wrote = true;
            }
        }
        if (wrote)
        {
            channel.flush();
            tally.flushTo(metrics);
        }
    }

    private void write(final OutboundMessage message)
    {
        if (message.isCoalesced())
        {
            remember(message);
        }
        writeToChannel(message);
    }

    private void remember(final OutboundMessage message)
    {
        int slot = 0;
        for (int i = 0; i < REMEMBERED; i++)
        {
            if (lastWritten[i] == null || lastWritten[i].sameKey(message))
            {
                slot = i;
                break;
            }
            if (lastWritten[i].coalesceTimeMs < lastWritten[slot].coalesceTimeMs)
            {
                slot = i;
            }
        }
        if (lastWritten[slot] != null)
        {
            lastWritten[slot].bytes.release();
        }
        message.bytes.retain();
        lastWritten[slot] = message;
    }

    /** Writes the message's bytes (a pooled duplicate with a reference of its own); the caller's reference stays. */
    private void writeToChannel(final OutboundMessage message)
    {
        tally.sent(message.sizeBytes(), message.receiveTimeNs);
        channel.write(message.bytes.retainedDuplicate(), channel.voidPromise());
    }

    private void closeTooSlow(final String reason)
    {
        metrics.increment(GatewayMetrics.SLOW_CLIENTS_CLOSED);
        open = false;
        discardPending();
        closeWith(channel, WebSocketCloseStatus.TRY_AGAIN_LATER.code(), reason, closeTimeoutMs);
    }

    private void discardPending()
    {
        OutboundMessage message;
        while ((message = pendingOrdered.pollFirst()) != null)
        {
            message.bytes.release();
        }
        pendingOrderedBytes = 0;
        for (int i = 0; i < pendingCoalescedCount; i++)
        {
            pendingCoalesced[i].bytes.release();
            pendingCoalesced[i] = null;
        }
        pendingCoalescedCount = 0;
    }

    /** Frees what is still held once the channel is gone; event loop. */
    void dispose()
    {
        open = false;
        discardPending();
        for (int i = 0; i < REMEMBERED; i++)
        {
            if (lastWritten[i] != null)
            {
                lastWritten[i].bytes.release();
                lastWritten[i] = null;
            }
        }
    }

    /** Sends a close frame and cuts the connection once it is written or after {@code timeoutMs}. */
    static void closeWith(final Channel channel, final int status, final String reason, final long timeoutMs)
    {
        if (!channel.isActive())
        {
            return;
        }
        channel.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> channel.close(), timeoutMs, TimeUnit.MILLISECONDS);
    }
}
