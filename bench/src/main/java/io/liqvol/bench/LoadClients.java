package io.liqvol.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator for {@link FanOutHarness} and {@link EdgeClientsHarness}, in its own process: N WebSocket
 * clients on plain Netty channels (native epoll where it loads) that only parse frame headers, answer pings, count,
 * and timestamp each live row. Client {@code c} connects to port {@code c % ports} of {@code --port P1,P2,…} and
 * watches symbol {@code c % symbols} (with {@code --stream market}: every symbol, from the all-symbols stream,
 * filtered by {@code min_usdt=100000} when {@code --pass-every N} > 1, which lets every Nth event through, see
 * {@link FanOutHarness}); event {@code k} carries quantity {@code k + 1} and was planned at
 * {@code startNs + k × intervalNs} (System.nanoTime is one clock for every process of the machine).
 * Protocol with the harness ({@link LoadClientsProcess}): prints {@code ready N} once every client has its snapshot
 * (the all-symbols stream has none: its upgrade), waits for a line {@code go START_NS INTERVAL_NS EVENTS WARMUP} on
 * stdin, then prints one {@code done …} line.
 */
public final class LoadClients
{
    private static final byte[] PONG = {(byte)0x8A, (byte)0x80, 0, 0, 0, 0};

    private final Recorder recorder = new Recorder(3);
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lastRowNs = new AtomicLong();
    private final AtomicInteger snapshots = new AtomicInteger();
    private final ConcurrentHashMap<Integer, AtomicInteger> closes = new ConcurrentHashMap<>();
    private volatile long startNs = Long.MAX_VALUE;
    private volatile long intervalNs = 1;
    private volatile long warmupEvents;

    private LoadClients()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final HarnessArgs options = new HarnessArgs(args);
        final String host = options.text("host", "127.0.0.1");
        final String[] ports = options.text("port", "8000").split(",");
        final int clients = options.integer("clients", 100);
        final String[] symbols = options.text("symbols", "BTCUSDT").split(",");
        final int threads = options.integer("threads", 2);
        final boolean market = "market".equals(options.text("stream", "symbol"));
        final int passEvery = options.integer("pass-every", 1);
        final LoadClients load = new LoadClients();
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads,
            Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        try
        {
            final Bootstrap bootstrap = new Bootstrap().group(group)
                .channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
            final Semaphore inFlight = new Semaphore(200);
            for (int c = 0; c < clients; c++)
            {
                inFlight.acquire();
                final String path = market
                    ? "/api/v1/ws/liquidations" + (passEvery > 1 ? "?min_usdt=" + FanOutHarness.MIN_USDT : "")
                    : "/api/v1/ws/liquidations/" + symbols[c % symbols.length];
                final int port = Integer.parseInt(ports[c % ports.length]);
                bootstrap.clone().handler(new ChannelInitializer<SocketChannel>()
                {
                    @Override
                    protected void initChannel(final SocketChannel channel)
                    {
                        channel.pipeline().addLast(load.new Client(host, port, path, inFlight, market));
                    }
                }).connect(host, port).addListener(connected ->
                {
                    if (!connected.isSuccess())
                    {
                        inFlight.release();
                        load.closes.computeIfAbsent(-1, code -> new AtomicInteger()).incrementAndGet();
                    }
                });
            }
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (load.snapshots.get() + load.closedCount() < clients && System.nanoTime() < deadlineNs)
            {
                Thread.sleep(20);
            }
            System.out.println("ready " + load.snapshots.get());
            System.out.flush();
            final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            final String[] go = in.readLine().split(" ");
            load.intervalNs = Long.parseLong(go[2]);
            load.warmupEvents = Long.parseLong(go[4]);
            load.startNs = Long.parseLong(go[1]);
            final long events = Long.parseLong(go[3]);
            final long expectedRows = market
                ? clients * ((events + passEvery - 1) / passEvery)
                : expectedRows(clients, symbols.length, events);
            final long cpuBeforeNs = processCpuNs();
            final long endNs = load.startNs + events * load.intervalNs + TimeUnit.SECONDS.toNanos(30);
            long lastRows = -1;
            long quietSinceNs = System.nanoTime();
            while (load.rows.get() < expectedRows && System.nanoTime() < endNs)
            {
                Thread.sleep(10);
                final long now = System.nanoTime();
                if (load.rows.get() != lastRows)
                {
                    lastRows = load.rows.get();
                    quietSinceNs = now;
                }
                else if (now > load.startNs + events * load.intervalNs && now - quietSinceNs > 5_000_000_000L)
                {
                    break;
                }
            }
            final Histogram latencyNs = load.recorder.getIntervalHistogram();
            final long cpuNs = processCpuNs() - cpuBeforeNs;
            System.out.printf(Locale.ROOT, "done rows %d of %d; messages %d; bytes %d; closed %s; client cpu ms %d"
                    + " (%.2f us per message); latency us p50 %d p90 %d p99 %d p99.9 %d max %d count %d;"
                    + " span ms %d%n",
                load.rows.get(), expectedRows, load.messages.get(), load.bytes.get(), load.closes, cpuNs / 1_000_000,
                load.messages.get() == 0 ? 0.0 : cpuNs / 1000.0 / load.messages.get(),
                latencyNs.getValueAtPercentile(50) / 1000, latencyNs.getValueAtPercentile(90) / 1000,
                latencyNs.getValueAtPercentile(99) / 1000, latencyNs.getValueAtPercentile(99.9) / 1000,
                latencyNs.getMaxValue() / 1000, latencyNs.getTotalCount(),
                Math.max(0, load.lastRowNs.get() - load.startNs) / 1_000_000);
            System.out.flush();
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Rows the clients should read: each client reads the events of its symbol. */
    static long expectedRows(final int clients, final int symbols, final long events)
    {
        long total = 0;
        for (int c = 0; c < clients; c++)
        {
            final int symbol = c % symbols;
            total += events / symbols + (symbol < events % symbols ? 1 : 0);
        }
        return total;
    }

    private int closedCount()
    {
        int total = 0;
        for (final AtomicInteger count : closes.values())
        {
            total += count.get();
        }
        return total;
    }

    /** CPU (user + system) of this whole process so far. */
    static long processCpuNs()
    {
        return ((com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    /** One connection: the upgrade, then server frames (unmasked) parsed in place. */
    private final class Client extends ByteToMessageDecoder
    {
        private final String request;
        private final Semaphore inFlight;
        private final boolean noSnapshot;
        private boolean upgraded;
        private boolean snapshot;

        Client(final String host, final int port, final String path, final Semaphore inFlight,
            final boolean noSnapshot)
        {
            this.noSnapshot = noSnapshot;
            this.request = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
            this.inFlight = inFlight;
        }

        @Override
        public void channelActive(final ChannelHandlerContext ctx) throws Exception
        {
            ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(request.getBytes(StandardCharsets.US_ASCII)));
            super.channelActive(ctx);
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            if (!snapshot)
            {
                inFlight.release();
            }
            super.channelInactive(ctx);
        }

        @Override
        protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out)
        {
            final long receivedNs = System.nanoTime();
            if (!upgraded)
            {
                final int end = headersEnd(in);
                if (end < 0)
                {
                    return;
                }
                in.readerIndex(end);
                upgraded = true;
                if (noSnapshot)
                {
                    ready();
                }
            }
            while (in.readableBytes() >= 2)
            {
                final int at = in.readerIndex();
                final int opcode = in.getByte(at) & 0x0f;
                int length = in.getByte(at + 1) & 0x7f;
                int header = 2;
                if (length == 126)
                {
                    if (in.readableBytes() < 4)
                    {
                        return;
                    }
                    length = in.getUnsignedShort(at + 2);
                    header = 4;
                }
                else if (length == 127)
                {
                    if (in.readableBytes() < 10)
                    {
                        return;
                    }
                    length = (int)in.getLong(at + 2);
                    header = 10;
                }
                if (in.readableBytes() < header + length)
                {
                    return;
                }
                frame(ctx, opcode, in, at + header, at + header + length, receivedNs);
                in.readerIndex(at + header + length);
            }
        }

        private void frame(final ChannelHandlerContext ctx, final int opcode, final ByteBuf in, final int from,
            final int to, final long receivedNs)
        {
            if (opcode == 0x9)
            {
                ctx.writeAndFlush(ctx.alloc().buffer(PONG.length).writeBytes(PONG));
            }
            else if (opcode == 0x8)
            {
                final int code = to - from >= 2 ? in.getUnsignedShort(from) : 1005;
                closes.computeIfAbsent(code, each -> new AtomicInteger()).incrementAndGet();
                ctx.close();
            }
            else if (opcode == 0x1 && !snapshot)
            {
                ready();
            }
            else if (opcode == 0x1)
            {
                messages.incrementAndGet();
                bytes.addAndGet(to - from);
                rows.addAndGet(recordRows(in, from, to, receivedNs));
                lastRowNs.accumulateAndGet(receivedNs, Math::max);
            }
        }

        private void ready()
        {
            snapshot = true;
            snapshots.incrementAndGet();
            inFlight.release();
        }

        private int recordRows(final ByteBuf in, final int from, final int to, final long receivedNs)
        {
            int found = 0;
            int at = from;
            while ((at = QuantityFields.next(in, at, to)) >= 0)
            {
                final long event = QuantityFields.integerAt(in, at, to) - 1;
                if (event >= warmupEvents)
                {
                    recorder.recordValue(Math.max(0, receivedNs - (startNs + event * intervalNs)));
                }
                found++;
            }
            return found;
        }

        private int headersEnd(final ByteBuf in)
        {
            for (int i = in.readerIndex(); i + 3 < in.writerIndex(); i++)
            {
                if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r'
                    && in.getByte(i + 3) == '\n')
                {
                    return i + 4;
                }
            }
            return -1;
        }
    }
}
