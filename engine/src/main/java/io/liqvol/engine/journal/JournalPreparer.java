package io.liqvol.engine.journal;

import org.agrona.concurrent.EpochClock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The journal's background thread, so that the writer never takes a page fault, opens a file or wakes a thread:
 * <ul>
 * <li>it allocates the next segment for real and maps it (the spare) as soon as the writer has taken the last one,
 * and reports a failure (a full disk) instead of leaving a sparse mapping that would kill the JVM;</li>
 * <li>it write-faults the pages a few MiB ahead of the writer's committed position, into the spare when the window
 * crosses the end of the segment;</li>
 * <li>it notices, by polling, that the writer moved to the spare and hands the sealed segment to the roll-up.</li>
 * </ul>
 * The writer reads {@link #spare()} and {@link #failure()}; everything else is this thread's.
 */
final class JournalPreparer implements AutoCloseable
{
    static final long DEFAULT_TOUCH_AHEAD_BYTES = 4L << 20;
    static final int PAGE_BYTES = 4096;
    static final long RETRY_MS = 1_000;

    private static final System.Logger LOG = System.getLogger(JournalPreparer.class.getName());
    private static final long MIN_IDLE_NS = 1_000_000L;
    private static final long MAX_IDLE_NS = 8_000_000L;

    private final Path dir;
    private final long segmentBytes;
    private final long touchAheadBytes;
    private final JournalHistory history;
    private final EpochClock clock;
    private final Supplier<JournalSegment> current;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile JournalSegment spare;
    private volatile JournalFailure failure;
    private volatile long failures;

    // This thread only.
    private JournalSegment active;
    private long activeTouchedBytes;
    private long spareTouchedBytes;
    private SegmentAllocation allocation;
    private long retryAtMs;

    /**
     * Starts the thread; {@code current} is the writer's segment, read on every poll; {@code startFailure} is why the
     * journal could not back a segment to write on start (null if it could), reported until a spare is prepared.
     */
    JournalPreparer(
        final Path dir,
        final long segmentBytes,
        final long touchAheadBytes,
        final JournalHistory history,
        final EpochClock clock,
        final Supplier<JournalSegment> current,
        final JournalFailure startFailure)
    {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.touchAheadBytes = touchAheadBytes;
        this.history = history;
        this.clock = clock;
        this.current = current;
        this.active = current.get();
        this.failure = startFailure;
        this.failures = startFailure == null ? 0 : 1;
        thread = new Thread(this::run, "liqvol-journal-prepare");
        thread.setDaemon(true);
        thread.start();
    }

    /** The prepared next segment, or null while it is being prepared (or cannot be). Any thread. */
    JournalSegment spare()
    {
        return spare;
    }

    /** Why the next segment cannot be prepared, since when; null while the journal can grow. Any thread. */
    JournalFailure failure()
    {
        return failure;
    }

    /** How many times the journal could not grow (each failure counted once, however long it lasted). Any thread. */
    long failures()
    {
        return failures;
    }

    /** Stops the thread, hands over a segment sealed since its last poll and deletes an unused spare. */
    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        handOverSealed();
        if (allocation != null)
        {
            allocation.abandon();
        }
        final JournalSegment unused = spare;
        if (unused != null && unused.number() > active.number())
        {
            deleteUnused(unused.path());
        }
    }

    private void run()
    {
        long idleNs = MIN_IDLE_NS;
        while (running)
        {
            boolean worked = handOverSealed();
            try
            {
                worked |= touchAhead();
                worked |= prepareSpare();
            }
            catch (final IOException | RuntimeException | InternalError ex)
            {
                failed(ex);
            }
            if (worked)
            {
                idleNs = MIN_IDLE_NS;
            }
            else
            {
                LockSupport.parkNanos(idleNs);
                idleNs = Math.min(MAX_IDLE_NS, idleNs * 2);
            }
        }
    }

    /** Whether the writer moved to the spare: the segment it left is sealed, the spare becomes the active one. */
    private boolean handOverSealed()
    {
        final JournalSegment writing = current.get();
        if (writing == active)
        {
            return false;
        }
        history.sealed(active);
        active = writing;
        activeTouchedBytes = spareTouchedBytes;
        spareTouchedBytes = 0;
        spare = null;
        return true;
    }

    /** Touches pages from the writer's page up to {@code touchAheadBytes} past it, topping up at half the window. */
    private boolean touchAhead()
    {
        final long writerBytes = active.recordOffset(active.committedRecords());
        final long touchedBytes = touchedBytes();
        if (touchAheadBytes == 0 || touchedBytes - writerBytes > touchAheadBytes / 2)
        {
            return false;
        }
        final long targetBytes = writerBytes + touchAheadBytes;
        activeTouchedBytes = touch(active, Math.max(activeTouchedBytes, writerBytes & -PAGE_BYTES), targetBytes);
        final JournalSegment next = spare;
        if (next != null && targetBytes > active.bytes())
        {
            spareTouchedBytes = touch(next, spareTouchedBytes, targetBytes - active.bytes());
        }
        // Near the end of a segment without a spare there is nothing to touch: report no work, so the thread parks.
        return touchedBytes() > touchedBytes;
    }

    /** How far touching has gone, counted from the start of the active segment into the spare. */
    private long touchedBytes()
    {
        return spareTouchedBytes > 0 ? active.bytes() + spareTouchedBytes : activeTouchedBytes;
    }

    /** Touches the pages of {@code segment} from {@code fromBytes} (a page start) up to {@code toBytes}. */
    private static long touch(final JournalSegment segment, final long fromBytes, final long toBytes)
    {
        final long endBytes = Math.min(toBytes, segment.bytes() - Integer.BYTES + 1);
        long at = fromBytes;
        while (at < endBytes)
        {
            segment.touch((int)at);
            at += PAGE_BYTES;
        }
        return at;
    }

    /** One step towards the next spare segment: a chunk of zeros, or mapping it once all are written. */
    private boolean prepareSpare() throws IOException
    {
        if (spare != null || clock.time() < retryAtMs)
        {
            return false;
        }
        if (allocation == null)
        {
            allocation = new SegmentAllocation(dir, active.number() + 1, segmentBytes);
        }
        if (allocation.step())
        {
            final JournalSegment prepared = allocation.finish();
            allocation = null;
            history.created(prepared);
            if (failure != null)
            {
                LOG.log(System.Logger.Level.INFO, "segment " + prepared + " prepared: the journal can grow again");
                failure = null;
            }
            spare = prepared;
        }
        return true;
    }

    private void failed(final Throwable cause)
    {
        if (allocation != null)
        {
            allocation.abandon();
            allocation = null;
        }
        final long nowMs = clock.time();
        retryAtMs = nowMs + RETRY_MS;
        if (failure == null)
        {
            LOG.log(System.Logger.Level.ERROR, "cannot prepare the next journal segment in " + dir, cause);
            failure = JournalFailure.of(cause, nowMs);
            failures++;
        }
    }

    private static void deleteUnused(final Path path)
    {
        try
        {
            Files.deleteIfExists(path);
        }
        catch (final IOException ex)
        {
            LOG.log(System.Logger.Level.WARNING, "cannot delete the unused journal segment " + path, ex);
        }
    }
}
