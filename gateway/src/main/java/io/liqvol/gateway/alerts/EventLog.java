package io.liqvol.gateway.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The fired events, durable: one JSON line each, appended to {@code events.jsonl} and forced to the device after each
 * drain of the evaluator. Kept for the retention (and at most {@link #MAX_EVENTS}); older ones leave memory at once
 * and the file when it is rewritten (atomically) from memory, at start and every {@link #COMPACT_EVERY} dropped
 * events. A line cut short by a crash is cut off at start.
 */
final class EventLog implements AutoCloseable
{
    static final int MAX_EVENTS = 100_000;
    static final int COMPACT_EVERY = 1_000;
    private static final JsonFactory JSON = new JsonFactory();

    /** One event: what queries filter on, and its JSON. */
    record Stored(long id, String ruleId, long firedAtMs, String json)
    {
    }

    private final Path file;
    private final long retentionMs;
    private final ArrayDeque<Stored> events = new ArrayDeque<>();
    private FileChannel channel;
    private int droppedSinceCompaction;
    private boolean unforced;

    private EventLog(final Path file, final long retentionMs)
    {
        this.file = file;
        this.retentionMs = retentionMs;
    }

    /** Reads the log, keeps what the retention keeps as of {@code nowMs}, and rewrites it. */
    static EventLog open(final Path file, final long retentionMs, final long nowMs) throws IOException
    {
        final EventLog log = new EventLog(file, retentionMs);
        if (Files.exists(file))
        {
            final String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            int start = 0;
            int end;
            while ((end = content.indexOf('\n', start)) >= 0)
            {
                final Stored stored = parse(content.substring(start, end));
                if (stored != null)
                {
                    log.events.addLast(stored);
                }
                start = end + 1;
            }
        }
        log.prune(nowMs);
        log.compact();
        return log;
    }

    /** The id of the newest event, 0 without any. */
    synchronized long lastId()
    {
        return events.isEmpty() ? 0 : events.peekLast().id();
    }

    synchronized void append(final Stored stored) throws IOException
    {
        final ByteBuffer line = ByteBuffer.wrap((stored.json() + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining())
        {
            channel.write(line);
        }
        unforced = true;
        events.addLast(stored);
        prune(stored.firedAtMs());
        if (droppedSinceCompaction >= COMPACT_EVERY)
        {
            compact();
        }
    }

    /** Forces what was appended to the device. */
    synchronized void force() throws IOException
    {
        if (unforced)
        {
            channel.force(false);
            unforced = false;
        }
    }

    /** The newest {@code limit} events fired in [start, end), of one rule or all (null), newest first. */
    synchronized List<Stored> newest(final long startMs, final long endMs, final int limit, final String ruleId)
    {
        final List<Stored> found = new ArrayList<>(Math.min(limit, events.size()));
        final Iterator<Stored> newestFirst = events.descendingIterator();
        while (newestFirst.hasNext() && found.size() < limit)
        {
            final Stored stored = newestFirst.next();
            if (stored.firedAtMs() >= startMs && stored.firedAtMs() < endMs
                && (ruleId == null || ruleId.equals(stored.ruleId())))
            {
                found.add(stored);
            }
        }
        return found;
    }

    synchronized int size()
    {
        return events.size();
    }

    @Override
    public synchronized void close() throws IOException
    {
        if (channel != null)
        {
            channel.force(false);
            channel.close();
        }
    }

    private void prune(final long nowMs)
    {
        while (!events.isEmpty()
            && (events.size() > MAX_EVENTS || retentionMs > 0 && events.peekFirst().firedAtMs() < nowMs - retentionMs))
        {
            events.removeFirst();
            droppedSinceCompaction++;
        }
    }

    /** Rewrites the file from memory, atomically, and appends to the new one from then on. */
    private void compact() throws IOException
    {
        final ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (final Stored stored : events)
        {
            content.writeBytes((stored.json() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (channel != null)
        {
            channel.close();
        }
        AtomicFile.write(file, content.toByteArray());
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        droppedSinceCompaction = 0;
        unforced = false;
    }

    /** The event of a line, or null for a line that is not a whole event (cut short by a crash). */
    static Stored parse(final String line)
    {
        long id = -1;
        String ruleId = null;
        long firedAtMs = -1;
        try (JsonParser parser = JSON.createParser(line))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                token = parser.nextToken();
                switch (field)
                {
                    case "id" -> id = parser.getLongValue();
                    case "rule_id" -> ruleId = parser.getText();
                    case "fired_at" -> firedAtMs = parser.getLongValue();
                    default -> parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null)
            {
                return null;
            }
        }
        catch (final IOException e)
        {
            return null;
        }
        return id < 0 || ruleId == null || firedAtMs < 0 ? null : new Stored(id, ruleId, firedAtMs, line);
    }
}
