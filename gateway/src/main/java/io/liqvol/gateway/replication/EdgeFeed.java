package io.liqvol.gateway.replication;

import io.liqvol.engine.Gap;
import io.liqvol.engine.GapKind;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An edge's one thread: polls the recorders it follows and hands their messages to its engine, merged by time, so
 * that the same liquidation from two recorders arrives twice close together and the engine's duplicate filter drops
 * the second. While a following recorder has nothing queued a message waits up to {@link #HOLD_NS} for it (the other
 * copy is usually in flight); a recorder that is not connected is not waited for. It stores where the engine is in
 * each stream once the engine has journaled that far, and is ready once a recorder's replay has merged into its live
 * stream and the engine has processed everything handed to it.
 */
final class EdgeFeed implements Agent
{
    static final long HOLD_NS = TimeUnit.MILLISECONDS.toNanos(20);
    /**
     * Handed but not yet through the engine at most: bounds what a kill can leave journaled beyond the stored
     * position, and so replayed again after a restart, to fewer than the duplicate filter's keys per symbol.
     */
    static final int MAX_IN_FLIGHT = 48;
    private static final int MESSAGES_PER_DUTY_CYCLE = 256;
    private static final long CLOSE_WAIT_NS = TimeUnit.SECONDS.toNanos(1);

    private final LiqvolEngine engine;
    private final List<ReplicationFollower> followers;
    private final ReplicationCheckpoint checkpoint;
    private final int[] slots;
    private final GapIntersection gaps;
    private final ReplicationGapLog gapLog;
    private final ReplicationDecoder decoder = new ReplicationDecoder();
    private final SymbolNames symbolNames = new SymbolNames();
    private final byte[] symbol = new byte[ReplicationDescriptor.SYMBOL_CAPACITY];
    /** Per follower: the newest message handed (stream position, journal position). */
    private final long[] handedPosition;
    private final long[] handedJournalPosition;
    /** Per follower: a handed position to store once the engine has processed the ring up to its sequence. */
    private final long[] pendingPosition;
    private final long[] pendingJournalPosition;
    private final long[] pendingSequence;
    private final long[] storedPosition;
    private volatile boolean ready;
    private volatile long handed;
    private volatile long unknownVenues;

    EdgeFeed(
        final LiqvolEngine engine, final List<ReplicationFollower> followers, final ReplicationCheckpoint checkpoint,
        final int[] slots, final ReplicationGapLog gapLog)
    {
        this.engine = engine;
        this.followers = followers;
        this.checkpoint = checkpoint;
        this.slots = slots;
        this.gapLog = gapLog;
        final Set<Gap> journaled = Set.copyOf(engine.gaps());
        this.gaps = new GapIntersection(followers.size(), (venue, fromMs, toMs, kind) ->
        {
            // A gap handed again after a restart may complete what the engine journaled before it: recorded once.
            if (!journaled.contains(new Gap(fromMs, toMs, kind, venue)))
            {
                engine.recordGap(venue, fromMs, toMs, kind);
            }
        });
        gapLog.read(this::restoreGap);
        handedPosition = new long[followers.size()];
        handedJournalPosition = new long[followers.size()];
        pendingPosition = new long[followers.size()];
        pendingJournalPosition = new long[followers.size()];
        pendingSequence = new long[followers.size()];
        storedPosition = new long[followers.size()];
        for (int i = 0; i < followers.size(); i++)
        {
            handedPosition[i] = -1;
            pendingPosition[i] = -1;
            storedPosition[i] = -1;
        }
    }

    @Override
    public int doWork()
    {
        final long nowNs = System.nanoTime();
        int work = 0;
        for (int i = 0; i < followers.size(); i++)
        {
            work += followers.get(i).doWork(nowNs);
        }
        for (int n = 0; n < MESSAGES_PER_DUTY_CYCLE; n++)
        {
            if (engine.inputSequence() - engine.processedSequence() >= MAX_IN_FLIGHT)
            {
                break;
            }
            final ReplicationFollower next = next(nowNs);
            if (next == null)
            {
                break;
            }
            hand(next);
            work++;
        }
        store();
        if (!ready)
        {
            ready = caughtUp();
        }
        return work;
    }

    /** Stores where each stream was handed up to, once the engine has processed it (a restart resumes there). */
    @Override
    public void onClose()
    {
        final long deadlineNs = System.nanoTime() + CLOSE_WAIT_NS;
        while (engine.processedSequence() < engine.inputSequence() && System.nanoTime() - deadlineNs < 0)
        {
            Thread.onSpinWait();
        }
        if (engine.processedSequence() >= engine.inputSequence())
        {
            for (int i = 0; i < followers.size(); i++)
            {
                pendingPosition[i] = handedPosition[i];
                pendingJournalPosition[i] = handedJournalPosition[i];
                pendingSequence[i] = engine.inputSequence();
            }
            store();
        }
        for (final ReplicationFollower follower : followers)
        {
            follower.close();
        }
    }

    @Override
    public String roleName()
    {
        return "liqvol-edge-feed";
    }

    /** Once caught up with a recorder's live stream; stays so. Any thread. */
    boolean ready()
    {
        return ready;
    }

    /** Liquidations and gaps skipped because their venue is not one this build knows. Any thread. */
    long unknownVenues()
    {
        return unknownVenues;
    }

    /** Messages handed to the engine. Any thread. */
    long handed()
    {
        return handed;
    }

    /** The follower whose queued message is oldest, unless it should wait for a following recorder's; or null. */
    private ReplicationFollower next(final long nowNs)
    {
        ReplicationFollower oldest = null;
        boolean waitingFor = false;
        for (final ReplicationFollower follower : followers)
        {
            final MessageQueue queue = follower.queue();
            if (queue.isEmpty())
            {
                waitingFor |= follower.isFollowing();
            }
            else if (oldest == null || queue.headKeyMs() < oldest.queue().headKeyMs())
            {
                oldest = follower;
            }
        }
        if (oldest != null && waitingFor && nowNs - oldest.queue().headArrivalNs() < HOLD_NS)
        {
            return null;
        }
        return oldest;
    }

    private void hand(final ReplicationFollower follower)
    {
        final MessageQueue queue = follower.queue();
        final DirectBuffer buffer = queue.buffer();
        final int type = decoder.wrap(buffer, queue.headOffset(), queue.headLength());
        final boolean liquidation = type == ReplicationDescriptor.TYPE_LIQUIDATION;
        final Venue venue = Venue.fromOrdinal(liquidation ? decoder.venue() : decoder.gapVenue());
        if (venue == null)
        {
            // A venue this build does not know (a newer recorder): counted in /health, not guessed.
            unknownVenues++;
        }
        else if (liquidation)
        {
            final int length = decoder.symbol(symbol);
            engine.ingestLiquidation(venue, symbolNames.name(symbol, length), Side.fromOrdinal(decoder.side()),
                decoder.quantityE8(), decoder.priceE8(), decoder.tradeTimeMs(), decoder.eventTimeMs());
        }
        else if (gaps.onGap(follower.index(), venue, GapKind.fromOrdinal(decoder.gapKind()), decoder.journalPosition(),
            decoder.fromMs(), decoder.toMs()))
        {
            gapLog.append(slots[follower.index()], venue.ordinal(), decoder.journalPosition(), decoder.fromMs(),
                decoder.toMs());
        }
        final int i = follower.index();
        handedPosition[i] = queue.headPosition();
        handedJournalPosition[i] = decoder.journalPosition();
        queue.remove();
        handed++;
    }

    /** A gap logged before this run by the recorder in {@code slot}, if this edge still follows it. */
    private void restoreGap(
        final int slot, final int venue, final long journalPosition, final long fromMs, final long toMs)
    {
        for (int i = 0; i < slots.length; i++)
        {
            if (slots[i] == slot && Venue.fromOrdinal(venue) != null)
            {
                gaps.restore(i, Venue.fromOrdinal(venue), journalPosition, fromMs, toMs);
            }
        }
    }

    /**
     * Stores a follower's pending position once the engine has processed what was handed until then, and takes its
     * newest handed position as the next pending one.
     */
    private void store()
    {
        final long processed = engine.processedSequence();
        for (int i = 0; i < followers.size(); i++)
        {
            if (pendingPosition[i] >= 0 && processed >= pendingSequence[i])
            {
                final ReplicationFollower follower = followers.get(i);
                checkpoint.store(slots[i], follower.recordingId(), follower.recordingStartMs(), pendingPosition[i],
                    pendingJournalPosition[i]);
                storedPosition[i] = pendingPosition[i];
                pendingPosition[i] = -1;
            }
            if (pendingPosition[i] < 0 && handedPosition[i] != storedPosition[i])
            {
                pendingPosition[i] = handedPosition[i];
                pendingJournalPosition[i] = handedJournalPosition[i];
                pendingSequence[i] = engine.inputSequence();
            }
        }
    }

    private boolean caughtUp()
    {
        for (final ReplicationFollower follower : followers)
        {
            if (follower.merged() && follower.queue().isEmpty())
            {
                return engine.processedSequence() >= engine.inputSequence();
            }
        }
        return false;
    }
}
