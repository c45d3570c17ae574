package io.liqvol.bench;

import org.HdrHistogram.Histogram;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clients of {@link QueryFloodHarness}, each from its own loopback address (the gateway tells clients apart by
 * address): a bystander on 127.0.0.3 asking for 60 buckets every 100 ms on one keep-alive connection, a live client
 * on 127.0.0.4 reading BTCUSDT's orders, and, in the second phase only, {@code connections} flooders on 127.0.0.2
 * that each write {@code pipeline} requests of {@code buckets} buckets at once, read the answers and start over
 * (reconnecting when the gateway closes them). Prints {@code ready} once the live client has its snapshot, waits for
 * {@code go START_NS INTERVAL_NS}, runs the quiet phase, the flood's warm-up and the flood phase, then prints the
 * figures (exit code 1 when the bystander or the live client got nothing in a phase).
 */
public final class QueryFloodClients
{
    static final int FLOOD_WARMUP_SECONDS = 2;
    private static final int QUIET = 0;
    private static final int WARMUP = 1;
    private static final int FLOOD = 2;
    private static final int DONE = 3;
    private static final long START_MS = 1_700_000_000_000L / 60_000L * 60_000L;

    private final int port;
    private final Histogram[] bystander = {new Histogram(3), new Histogram(3)};
    private final Histogram[] live = {new Histogram(3), new Histogram(3)};
    private final Map<String, AtomicLong> bystanderAnswers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> floodAnswers = new ConcurrentHashMap<>();
    private volatile int phase = QUIET;
    private volatile long startNs;
    private volatile long intervalNs;

    private QueryFloodClients(final int port)
    {
        this.port = port;
    }

    public static void main(final String[] args) throws Exception
    {
        final HarnessArgs options = new HarnessArgs(args);
        final QueryFloodClients clients = new QueryFloodClients(options.integer("port", 8000));
        final long seconds = options.number("seconds", 20);
        final Socket liveSocket = clients.connect(4);
        final InputStream liveIn = clients.upgrade(liveSocket, "/api/v1/ws/liquidations/BTCUSDT");
        System.out.println("ready");
        final String[] go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))
            .readLine().split(" ");
        clients.startNs = Long.parseLong(go[1]);
        clients.intervalNs = Long.parseLong(go[2]);
        final Thread liveReader = daemon(() -> clients.readLive(liveSocket, liveIn));
        final Thread bystanderThread = daemon(clients::askAsBystander);
        Thread.sleep(seconds * 1000);
        clients.phase = WARMUP;
        final String query = "/api/v1/liquidation-volume/BTCUSDT/1m?start=" + START_MS + "&end="
            + (START_MS + options.integer("buckets", 5000) * 60_000L);
        final List<Thread> flooders = new ArrayList<>();
        for (int i = 0; i < options.integer("connections", 40); i++)
        {
            flooders.add(daemon(() -> clients.flood(query, options.integer("pipeline", 40))));
        }
        Thread.sleep(FLOOD_WARMUP_SECONDS * 1000L);
        clients.phase = FLOOD;
        Thread.sleep(seconds * 1000);
        clients.phase = DONE;
        bystanderThread.join(5_000);
        liveSocket.close();
        liveReader.join(1_000);
        if (!clients.report())
        {
            System.exit(1);
        }
    }

    /** Prints the figures; false when a client got nothing in a phase. */
    private boolean report()
    {
        System.out.println(LatencyReport.header());
        System.out.println(LatencyReport.row("bystander, no flood", bystander[0]));
        System.out.println(LatencyReport.row("bystander, flood", bystander[1]));
        System.out.println(LatencyReport.row("live delivery, no flood", live[0]));
        System.out.println(LatencyReport.row("live delivery, flood", live[1]));
        System.out.println("bystander answers: " + new TreeMap<>(bystanderAnswers));
        System.out.println("flood answers: " + new TreeMap<>(floodAnswers));
        final boolean complete = bystander[0].getTotalCount() > 0 && bystander[1].getTotalCount() > 0
            && live[0].getTotalCount() > 0 && live[1].getTotalCount() > 0;
        if (!complete)
        {
            System.out.println("INCOMPLETE: a client got no answer or no live row in a phase");
        }
        return complete;
    }

    /** One small query every 100 ms; a connection the gateway closes is opened again. */
    private void askAsBystander()
    {
        final String request = request("/api/v1/liquidation-volume/BTCUSDT/1m?start=" + START_MS + "&end="
            + (START_MS + 60 * 60_000L));
        Socket socket = null;
        long nextNs = System.nanoTime();
        while (phase != DONE)
        {
            try
            {
                if (socket == null)
                {
                    socket = connect(3);
                }
                final InputStream in = new BufferedInputStream(socket.getInputStream());
                while (phase != DONE)
                {
                    nextNs += 100_000_000L;
                    final int measured = phase;
                    final long sentNs = System.nanoTime();
                    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                    final String status = readAnswer(in);
                    final long tookNs = System.nanoTime() - sentNs;
                    count(bystanderAnswers, (measured == FLOOD ? "flood " : "quiet ") + status);
                    record(bystander, measured, tookNs);
                    if (status.equals("closed"))
                    {
                        break;
                    }
                    Thread.sleep(Math.max(0, (nextNs - System.nanoTime()) / 1_000_000L));
                }
                socket.close();
                socket = null;
            }
            catch (final IOException | InterruptedException e)
            {
                count(bystanderAnswers, "error " + e.getClass().getSimpleName());
                socket = null;
            }
        }
    }

    /** Pipelines {@code pipeline} requests, reads the answers, again until the flood is over. */
    private void flood(final String query, final int pipeline)
    {
        final byte[] requests = request(query).repeat(pipeline).getBytes(StandardCharsets.US_ASCII);
        while (phase != DONE)
        {
            try (Socket socket = connect(2))
            {
                final InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                final OutputStream out = socket.getOutputStream();
                boolean open = true;
                while (open && phase != DONE)
                {
                    out.write(requests);
                    for (int i = 0; i < pipeline && open; i++)
                    {
                        final String status = readAnswer(in);
                        count(floodAnswers, status);
                        open = !status.equals("closed");
                    }
                }
            }
            catch (final IOException e)
            {
                count(floodAnswers, "error " + e.getClass().getSimpleName());
            }
        }
    }

    /** Live orders: each row's quantity is its event's index + 1, so its planned time is known. */
    private void readLive(final Socket socket, final InputStream in)
    {
        try
        {
            while (true)
            {
                final int first = in.read();
                final int second = in.read();
                if (first < 0 || second < 0)
                {
                    return;
                }
                long length = second & 0x7f;
                if (length == 126)
                {
                    length = (in.read() << 8) | in.read();
                }
                else if (length == 127)
                {
                    length = 0;
                    for (int i = 0; i < 8; i++)
                    {
                        length = length << 8 | in.read();
                    }
                }
                final byte[] payload = in.readNBytes((int)length);
                final long receivedNs = System.nanoTime();
                final int opcode = first & 0x0f;
                if (opcode == 9)
                {
                    pong(socket.getOutputStream(), payload);
                }
                else if (opcode == 8)
                {
                    System.out.println("live client closed: " + (payload.length >= 2
                        ? ((payload[0] & 0xff) << 8 | payload[1] & 0xff) + " "
                        + new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : ""));
                    return;
                }
                else if (opcode == 1)
                {
                    recordRows(new String(payload, StandardCharsets.UTF_8), receivedNs);
                }
            }
        }
        catch (final IOException e)
        {
            // the socket was closed at the end
        }
    }

    private void recordRows(final String text, final long receivedNs)
    {
        if (!text.contains("\"initial\":false"))
        {
            return;
        }
        final int measured = phase;
        int at = 0;
        while ((at = text.indexOf("\"quantity\":\"", at)) >= 0)
        {
            at += "\"quantity\":\"".length();
            int end = at;
            while (Character.isDigit(text.charAt(end)))
            {
                end++;
            }
            final long index = Long.parseLong(text.substring(at, end)) - 1;
            record(live, measured, receivedNs - (startNs + index * intervalNs));
        }
    }

    private static void record(final Histogram[] histograms, final int measured, final long valueNs)
    {
        if (measured == QUIET || measured == FLOOD)
        {
            final Histogram histogram = histograms[measured == QUIET ? 0 : 1];
            synchronized (histogram)
            {
                histogram.recordValue(Math.max(0, valueNs));
            }
        }
    }

    private static void count(final Map<String, AtomicLong> counts, final String key)
    {
        counts.computeIfAbsent(key, any -> new AtomicLong()).incrementAndGet();
    }

    /** Status and code of one answer ({@code 200}, {@code 429 rate_limited}…), its body skipped; or closed. */
    private static String readAnswer(final InputStream in) throws IOException
    {
        final StringBuilder head = new StringBuilder(256);
        while (head.length() < 4 || head.lastIndexOf("\r\n\r\n") != head.length() - 4)
        {
            final int next = in.read();
            if (next < 0)
            {
                return "closed";
            }
            head.append((char)next);
        }
        final String lower = head.toString().toLowerCase(Locale.ROOT);
        final String status = head.substring(9, 12);
        if (lower.contains("transfer-encoding: chunked"))
        {
            skipChunks(in);
            return status;
        }
        final int at = lower.indexOf("content-length: ") + "content-length: ".length();
        final int length = Integer.parseInt(lower.substring(at, lower.indexOf('\r', at)));
        if (status.equals("200"))
        {
            in.skipNBytes(length);
            return status;
        }
        final String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        final int code = body.indexOf("\"code\":\"") + "\"code\":\"".length();
        return status + " " + body.substring(code, body.indexOf('"', code));
    }

    /** Skips a chunked body (a streamed answer) to its end. */
    private static void skipChunks(final InputStream in) throws IOException
    {
        while (true)
        {
            final StringBuilder line = new StringBuilder();
            while (line.length() < 2 || line.lastIndexOf("\r\n") != line.length() - 2)
            {
                final int next = in.read();
                if (next < 0)
                {
                    throw new IOException("closed inside a chunked answer");
                }
                line.append((char)next);
            }
            final int size = Integer.parseInt(line.toString().trim(), 16);
            in.skipNBytes(size + 2L);
            if (size == 0)
            {
                return;
            }
        }
    }

    private Socket connect(final int fromAddress) throws IOException
    {
        final Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte)fromAddress}), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        return socket;
    }

    private InputStream upgrade(final Socket socket, final String path) throws IOException
    {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        final InputStream in = new BufferedInputStream(socket.getInputStream());
        final StringBuilder head = new StringBuilder();
        while (head.length() < 4 || head.lastIndexOf("\r\n\r\n") != head.length() - 4)
        {
            head.append((char)in.read());
        }
        if (!head.toString().startsWith("HTTP/1.1 101"))
        {
            throw new IOException("upgrade refused: " + head);
        }
        return in;
    }

    private static void pong(final OutputStream out, final byte[] payload) throws IOException
    {
        final byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte)0x8A;
        frame[1] = (byte)(0x80 | payload.length);
        System.arraycopy(payload, 0, frame, 6, payload.length);
        synchronized (out)
        {
            out.write(frame);
        }
    }

    private String request(final String pathAndQuery)
    {
        return "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n";
    }

    private static Thread daemon(final Runnable task)
    {
        final Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
