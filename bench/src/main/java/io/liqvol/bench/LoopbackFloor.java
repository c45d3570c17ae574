package io.liqvol.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's floor for a fan-out: sender CPU per message of bare loopback writes of a given size, one message
 * or several per (gathering) write, round-robin over one or many connections, to one thread that only drains
 * them through a selector (as a client process would). No framing, no pipeline, nothing but the system call.
 */
final class LoopbackFloor
{
    private static final int MESSAGES = 100_000;

    private LoopbackFloor()
    {
    }

    /** Sender CPU (user + system) per message, measured after one warm-up round. */
    static double nsPerMessage(final int messageBytes, final int perWrite, final int sockets) throws IOException
    {
        final List<SocketChannel> writers = new ArrayList<>();
        final List<SocketChannel> readers = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             Selector selector = Selector.open())
        {
            for (int i = 0; i < sockets; i++)
            {
                final SocketChannel writer = SocketChannel.open(server.getLocalAddress());
                writer.socket().setTcpNoDelay(true);
                writers.add(writer);
                final SocketChannel reader = server.accept();
                reader.configureBlocking(false);
                reader.register(selector, SelectionKey.OP_READ);
                readers.add(reader);
            }
            final Thread drain = new Thread(() -> drain(selector), "floor-reader");
            drain.setDaemon(true);
            drain.start();
            final ByteBuffer[] messages = new ByteBuffer[perWrite];
            for (int i = 0; i < perWrite; i++)
            {
                messages[i] = ByteBuffer.allocateDirect(messageBytes);
            }
            final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            final int writes = MESSAGES / perWrite;
            long cpuNs = 0;
            for (int round = 0; round < 2; round++)
            {
                final long beforeNs = threads.getCurrentThreadCpuTime();
                for (int w = 0; w < writes; w++)
                {
                    final SocketChannel writer = writers.get(w % sockets);
                    for (final ByteBuffer message : messages)
                    {
                        message.clear();
                    }
                    long left = (long)messageBytes * perWrite;
                    while (left > 0)
                    {
                        left -= writer.write(messages);
                    }
                }
                cpuNs = threads.getCurrentThreadCpuTime() - beforeNs;
            }
            selector.wakeup();
            return (double)cpuNs / ((long)writes * perWrite);
        }
        finally
        {
            for (final SocketChannel channel : writers)
            {
                channel.close();
            }
            for (final SocketChannel channel : readers)
            {
                channel.close();
            }
        }
    }

    private static void drain(final Selector selector)
    {
        final ByteBuffer sink = ByteBuffer.allocateDirect(1 << 20);
        try
        {
            while (selector.isOpen())
            {
                selector.select();
                for (final SelectionKey key : selector.selectedKeys())
                {
                    while (((SocketChannel)key.channel()).read(sink.clear()) > 0)
                    {
                        Thread.onSpinWait();
                    }
                }
                selector.selectedKeys().clear();
            }
        }
        catch (final IOException | RuntimeException e)
        {
            // the floor was measured and the selector closed under the reader
        }
    }
}
