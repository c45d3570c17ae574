package io.liqvol.gateway.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bounded way from publishers to one client. Any thread {@link #offer}s shared messages (whole
 * WebSocket frames, written as they are) into a fixed-size queue and never blocks; the client's event loop
 * drains it, writing while the channel is writable. A lagging client keeps ordered messages (orders, gaps)
 * up to a byte bound, checked after each drain has written what it could, and only the newest message per
 * bucket; past the bound it is closed with 1013 and counted, never silently skipped.
 */
final class ClientOutbound implements Runnable
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
    private final GatewayMetrics metrics;
    private final int maxPendingBytes;
    private final long closeTimeoutMs;
    private final ManyToOneConcurrentArrayQueue<OutboundMessage> queue;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile boolean overflowed;

    private final ArrayDeque<OutboundMessage> pendingOrdered = new ArrayDeque<>();
    private final OutboundMessage[] pendingCoalesced = new OutboundMessage[MAX_COALESCED];
    private int pendingCoalescedCount;
    private long pendingOrderedBytes;
    private boolean holding = true;
    private boolean open = true;
    /** The last written message of the most recently written keys (each holding a reference), for replays. */
    private final OutboundMessage[] lastWritten = new OutboundMessage[REMEMBERED];

    ClientOutbound(final Channel channel, final ServerConfig config, final GatewayMetrics metrics)
    {
        this.channel = channel;
        this.metrics = metrics;
        this.maxPendingBytes = config.maxPendingBytes();
        this.closeTimeoutMs = config.closeTimeoutMs();
        this.queue = new ManyToOneConcurrentArrayQueue<>(config.outboundQueueMessages());
    }

    /**
     * Takes one reference of the message's bytes for the client; any thread. Returns false, taking none,
     * when the queue is full: the client is then closed as too slow.
     */
    boolean offer(final OutboundMessage message)
    {
        message.bytes.retain();
        if (!queue.offer(message))
        {
            message.bytes.release();
            overflowed = true;
            scheduleDrain();
            return false;
        }
        scheduleDrain();
        return true;
    }

    /** Starts delivering live messages, after the client's snapshot was written; event loop. */
    void release()
    {
        release(null);
    }

    /** As {@link #release()}, after the filter edited the ordered messages held so far. */
    void release(final HeldFilter filter)
    {
        OutboundMessage message;
        while ((message = queue.poll()) != null)
        {
            accept(message);
        }
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
        drain();
    }

    /** Called by the handler when the channel's writability changed; event loop. */
    void writabilityChanged()
    {
        flushPending();
    }

    @Override
    public void run()
    {
        drainScheduled.set(false);
        drain();
    }

    private void scheduleDrain()
    {
        if (drainScheduled.compareAndSet(false, true))
        {
            channel.eventLoop().execute(this);
        }
    }

    private void drain()
    {
        OutboundMessage message;
        while ((message = queue.poll()) != null)
        {
            accept(message);
        }
        if (overflowed && open)
        {
            closeTooSlow("client too slow: outbound queue full");
        }
        flushPending();
        if (open && pendingOrderedBytes > maxPendingBytes)
        {
            closeTooSlow("client too slow: more than " + maxPendingBytes + " bytes of orders pending");
        }
    }

    private void accept(final OutboundMessage message)
    {
        if (!open)
        {
            message.bytes.release();
            return;
        }
        if (message.isCoalesced())
        {
            coalesce(message);
            return;
        }
        pendingOrdered.addLast(message);
        pendingOrderedBytes += message.sizeBytes();
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

    private void flushPending()
    {
        if (!open || holding)
        {
            return;
        }
        boolean wrote = false;
        while (channel.isWritable() && !pendingOrdered.isEmpty())
        {
            final OutboundMessage message = pendingOrdered.pollFirst();
            pendingOrderedBytes -= message.sizeBytes();
            write(message);
            wrote = true;
        }
        int written = 0;
        while (channel.isWritable() && written < pendingCoalescedCount)
        {
            write(pendingCoalesced[written]);
            pendingCoalesced[written++] = null;
            wrote = true;
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
        if (wrote)
        {
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
                message.bytes.retain();
                writeToChannel(message);
                wrote = true;
            }
        }
        if (wrote)
        {
            channel.flush();
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

    private void writeToChannel(final OutboundMessage message)
    {
        metrics.increment(GatewayMetrics.MESSAGES_SENT);
        metrics.add(GatewayMetrics.BYTES_SENT, message.sizeBytes());
        channel.write(message.bytes.duplicate(), channel.voidPromise());
        if (message.receiveTimeNs != 0)
        {
            metrics.endToEndLatency.record(System.nanoTime() - message.receiveTimeNs);
        }
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
        OutboundMessage message;
        while ((message = queue.poll()) != null)
        {
            message.bytes.release();
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
