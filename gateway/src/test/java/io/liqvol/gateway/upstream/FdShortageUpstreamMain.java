package io.liqvol.gateway.upstream;

import io.liqvol.engine.Gap;
import io.liqvol.gateway.testing.RecordingFrameSink;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A child process for {@link BinanceUpstreamTest}: an upstream client run under a low file-descriptor limit that,
 * told so on stdin, takes every free descriptor (and keeps taking those that come free) so that no socket can be
 * created, then gives them back. Answers each command with one line on stdout.
 */
public final class FdShortageUpstreamMain
{
    private static final long WAIT_MS = 10_000;
    private static final long HOARD_INTERVAL_NS = 1_000_000;

    private final RecordingFrameSink sink = new RecordingFrameSink();
    private final List<Gap> gaps = new CopyOnWriteArrayList<>();
    private final List<FileInputStream> held = new ArrayList<>();
    private final AtomicBoolean hoarding = new AtomicBoolean();
    private Thread hoarder;

    public static void main(final String[] args) throws Exception
    {
        new FdShortageUpstreamMain().run(args[0]);
    }

    private void run(final String wsBaseUrl) throws Exception
    {
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        final UpstreamConfig config = new UpstreamConfig().wsBaseUrl(wsBaseUrl).mode(UpstreamMode.ALL_MARKET)
            .initialBackoffMs(20).maxBackoffMs(100).liveTimeoutMs(2_000).connectTimeoutMs(1_000)
            .closeTimeoutMs(500);
        final BufferedReader commands =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        try (BinanceUpstream upstream = new BinanceUpstream(config, sink, gaps::add, group))
        {
            upstream.start();
            String command;
            while ((command = commands.readLine()) != null)
            {
                System.out.println(answer(command, upstream));
                System.out.flush();
            }
        }
        finally
        {
            release();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private String answer(final String command, final BinanceUpstream upstream) throws InterruptedException
    {
        final String[] words = command.split(" ");
        return switch (words[0])
        {
            case "connected" -> "connected " + waitFor(() -> upstream.status().connected());
            case "frames" -> "frames " + waitFor(() -> sink.frames().size() >= Integer.parseInt(words[1]));
            case "failures" ->
            {
                final long target = upstream.counters().connectFailures() + Long.parseLong(words[1]);
                yield "failures " + waitFor(() -> upstream.counters().connectFailures() >= target);
            }
            case "exhaust" -> "exhausted " + exhaust();
            case "release" -> "released " + release();
            case "report" -> report(upstream);
            default -> "unknown " + command;
        };
    }

    private String report(final BinanceUpstream upstream)
    {
        final StringBuilder line = new StringBuilder("report ").append(upstream.status().connected());
        for (final Gap gap : gaps)
        {
            line.append(" gap=").append(gap.fromMs()).append('-').append(gap.toMs());
        }
        for (final RecordingFrameSink.Key key : sink.keys())
        {
            line.append(" key=").append(key.toString().replace(' ', '_'));
        }
        return line.toString();
    }

    private static boolean waitFor(final BooleanSupplier condition) throws InterruptedException
    {
        final long deadlineMs = System.currentTimeMillis() + WAIT_MS;
        while (!condition.getAsBoolean())
        {
            if (System.currentTimeMillis() > deadlineMs)
            {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Takes every free descriptor, then keeps taking any that a closed socket gives back. */
    private int exhaust()
    {
        hoarding.set(true);
        hoardOnce();
        final int taken;
        synchronized (held)
        {
            taken = held.size();
        }
        hoarder = new Thread(() ->
        {
            while (hoarding.get())
            {
                hoardOnce();
                LockSupport.parkNanos(HOARD_INTERVAL_NS);
            }
        }, "fd-hoarder");
        hoarder.start();
        return taken;
    }

    private void hoardOnce()
    {
        synchronized (held)
        {
            while (hoarding.get())
            {
                try
                {
                    held.add(new FileInputStream("/dev/null"));
                }
                catch (final IOException ex)
                {
                    return;
                }
            }
        }
    }

    private int release() throws InterruptedException
    {
        hoarding.set(false);
        if (hoarder != null)
        {
            hoarder.join();
            hoarder = null;
        }
        synchronized (held)
        {
            final int released = held.size();
            for (final FileInputStream stream : held)
            {
                try
                {
                    stream.close();
                }
                catch (final IOException ignored)
                {
                    // /dev/null closes
                }
            }
            held.clear();
            return released;
        }
    }
}
