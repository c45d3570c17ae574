package io.liqvol.gateway.server;

import java.util.Arrays;

/**
 * The clients of one stream grouped by their event loop, copied on change (rare, under the owner's lock) so
 * that publishers read it without locks or allocation: a message is handed once to each event loop, with
 * that loop's clients.
 */
final class Recipients
{
    static final Recipients NONE = new Recipients(new LoopFanOut[0], new ClientOutbound[0][], 0);

    private final LoopFanOut[] loops;
    private final ClientOutbound[][] clients;
    private final int count;

    private Recipients(final LoopFanOut[] loops, final ClientOutbound[][] clients, final int count)
    {
        this.loops = loops;
        this.clients = clients;
        this.count = count;
    }

    boolean isEmpty()
    {
        return count == 0;
    }

    int count()
    {
        return count;
    }

    /** Hands the message to every event loop that has recipients; the caller keeps its own reference. */
    void offer(final OutboundMessage message)
    {
        for (int i = 0; i < loops.length; i++)
        {
            loops[i].offer(message, clients[i]);
        }
    }

    Recipients with(final ClientOutbound client)
    {
        final int loop = indexOf(client.fanOut());
        if (loop < 0)
        {
            final LoopFanOut[] moreLoops = Arrays.copyOf(loops, loops.length + 1);
            moreLoops[loops.length] = client.fanOut();
            final ClientOutbound[][] moreClients = Arrays.copyOf(clients, clients.length + 1);
            moreClients[clients.length] = new ClientOutbound[] {client};
            return new Recipients(moreLoops, moreClients, count + 1);
        }
        final ClientOutbound[][] copy = clients.clone();
        copy[loop] = Arrays.copyOf(clients[loop], clients[loop].length + 1);
        copy[loop][clients[loop].length] = client;
        return new Recipients(loops, copy, count + 1);
    }

    Recipients without(final ClientOutbound client)
    {
        final int loop = indexOf(client.fanOut());
        if (loop < 0)
        {
            return this;
        }
        final ClientOutbound[] of = clients[loop];
        int at = -1;
        for (int i = 0; i < of.length; i++)
        {
            if (of[i] == client)
            {
                at = i;
                break;
            }
        }
        if (at < 0)
        {
            return this;
        }
        if (of.length == 1)
        {
            final LoopFanOut[] fewerLoops = new LoopFanOut[loops.length - 1];
            final ClientOutbound[][] fewerClients = new ClientOutbound[clients.length - 1][];
            System.arraycopy(loops, 0, fewerLoops, 0, loop);
            System.arraycopy(loops, loop + 1, fewerLoops, loop, loops.length - loop - 1);
            System.arraycopy(clients, 0, fewerClients, 0, loop);
            System.arraycopy(clients, loop + 1, fewerClients, loop, clients.length - loop - 1);
            return new Recipients(fewerLoops, fewerClients, count - 1);
        }
        final ClientOutbound[] fewer = new ClientOutbound[of.length - 1];
        System.arraycopy(of, 0, fewer, 0, at);
        System.arraycopy(of, at + 1, fewer, at, of.length - at - 1);
        final ClientOutbound[][] copy = clients.clone();
        copy[loop] = fewer;
        return new Recipients(loops, copy, count - 1);
    }

    /** These recipients less every client of {@code others}. */
    Recipients without(final Recipients others)
    {
        Recipients left = this;
        for (final ClientOutbound[] ofLoop : others.clients)
        {
            for (final ClientOutbound client : ofLoop)
            {
                left = left.without(client);
            }
        }
        return left;
    }

    private int indexOf(final LoopFanOut loop)
    {
        for (int i = 0; i < loops.length; i++)
        {
            if (loops[i] == loop)
            {
                return i;
            }
        }
        return -1;
    }
}
