package io.liqvol.gateway.server;

import io.netty.channel.EventLoop;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fan-out's hand-over to one event loop. Publishers (any thread) offer each message once per event loop
 * with that loop's recipients, and wake the loop at most once per drain; the loop walks the recipients, each
 * client writing the message or keeping it (a lagging one), then lets every client it touched flush once, so
 * that messages that arrived together leave in one write. The queue is bounded: a message that finds it full
 * closes its recipients as too slow (1013) rather than block a publisher or be skipped.
 */
final class LoopFanOut implements Runnable
{
    private record Delivery(OutboundMessage message, ClientOutbound[] clients)
    {
    }

    private final EventLoop loop;
    private final GatewayMetrics metrics;
    private final ManyToOneConcurrentArrayQueue<Delivery> queue;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final SentTally tally = new SentTally();
    private final ArrayList<ClientOutbound> touched = new ArrayList<>();
    private boolean draining;

    LoopFanOut(final EventLoop loop, final GatewayMetrics metrics, final int capacity)
    {
        this.loop = loop;
        this.metrics = metrics;
        this.queue = new ManyToOneConcurrentArrayQueue<>(capacity);
    }

    /** What the loop's clients wrote, summed into the metrics at the end of each drain; event loop only. */
    SentTally tally()
    {
        return tally;
    }

    GatewayMetrics metrics()
    {
        return metrics;
    }

    /** Hands one message to the loop for its {@code clients}; any thread; takes a reference of its own. */
    void offer(final OutboundMessage message, final ClientOutbound[] clients)
    {
        message.bytes.retain();
        if (!queue.offer(new Delivery(message, clients)))
        {
            message.bytes.release();
            for (final ClientOutbound client : clients)
            {
                client.overflow();
            }
        }
        if (scheduled.compareAndSet(false, true))
        {
            loop.execute(this);
        }
    }

    @Override
    public void run()
    {
        scheduled.set(false);
        drain();
    }

    /** Delivers everything offered so far; event loop (also from a client that must see all of it first). */
    void drain()
    {
        if (draining)
        {
            return;
        }
        draining = true;
        Delivery delivery;
        while ((delivery = queue.poll()) != null)
        {
            final OutboundMessage message = delivery.message();
            for (final ClientOutbound client : delivery.clients())
            {
                if (client.accept(message))
                {
                    touched.add(client);
                }
            }
            message.bytes.release();
        }
        for (int i = 0; i < touched.size(); i++)
        {
            touched.get(i).delivered();
        }
        touched.clear();
        draining = false;
        tally.flushTo(metrics);
    }
}
