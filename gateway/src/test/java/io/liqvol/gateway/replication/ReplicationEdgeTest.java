package io.liqvol.gateway.replication;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.liqvol.engine.EngineContext;
import io.liqvol.engine.Gap;
import io.liqvol.engine.GapKind;
import io.liqvol.engine.LiqvolEngine;
import io.liqvol.engine.Side;
import io.liqvol.engine.Venue;
import io.liqvol.gateway.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicationEdgeTest
{
    private static final long NOW_MS = 1_732_000_000_000L;

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Path> shm = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception
    {
        for (int i = open.size() - 1; i >= 0; i--)
        {
            open.get(i).close();
        }
        for (final Path path : shm)
        {
            ReplicationTesting.deleteTree(path);
        }
    }

    @Test
    void shouldReplayThenFollowLiveAndResumeWithoutLossOrDuplicatesAfterARestart()
    {
        final LiqvolEngine recorderEngine = engine("recorder");
        final ReplicationConfig recorderConfig = recorderConfig("recorder", 1);
        ingest(recorderEngine, 0, 3_000);
        open.add(ReplicationRecorder.start(recorderConfig, dir.resolve("recorder")));

        final LiqvolEngine edgeEngine = engine("edge");
        ReplicationEdge edge = ReplicationEdge.start(edgeConfig("edge", recorderConfig), dir.resolve("edge"),
            edgeEngine);
        final ReplicationEdge firstEdge = edge;
        Await.until("the edge caught up", firstEdge::ready);
        Await.until("the edge has the history", () -> edgeEngine.counters().accepted() == 3_000);

        ingest(recorderEngine, 3_000, 3_500);
        Await.until("the edge follows live", () -> edgeEngine.counters().accepted() == 3_500);
        edge.close();

        ingest(recorderEngine, 3_500, 4_000);
        edge = ReplicationEdge.start(edgeConfig("edge", recorderConfig), dir.resolve("edge"), edgeEngine);
        open.add(edge);
        Await.until("the restarted edge caught up", () -> edgeEngine.counters().accepted() == 4_000);
        Await.pause(200);

        assertThat(edgeEngine.counters().accepted()).isEqualTo(4_000);
        assertThat(edgeEngine.counters().duplicates()).isZero();
    }

    @Test
    void shouldRecordARecordersGapAsTheGapOfItsVenue()
    {
        final LiqvolEngine recorderEngine = engine("recorder");
        ingest(recorderEngine, 0, 100);
        recorderEngine.recordGap(Venue.BYBIT, NOW_MS - 70_000, NOW_MS - 60_000);
        final ReplicationConfig recorderConfig = recorderConfig("recorder", 1);
        open.add(ReplicationRecorder.start(recorderConfig, dir.resolve("recorder")));

        final LiqvolEngine edgeEngine = engine("edge");
        open.add(ReplicationEdge.start(edgeConfig("edge", recorderConfig), dir.resolve("edge"), edgeEngine));
        Await.until("the edge has the gap", () -> edgeEngine.gapCount() == 1);

        assertThat(edgeEngine.gaps()).containsExactly(new Gap(Venue.BYBIT, NOW_MS - 70_000, NOW_MS - 60_000));
    }

    @Test
    void shouldTakeEachLiquidationOnceFromTwoRecordersLoseNothingWithOneAndRecordOnlyTheGapBothHad()
    {
        final LiqvolEngine first = engine("first");
        final LiqvolEngine second = engine("second");
        for (final LiqvolEngine recorder : List.of(first, second))
        {
            ingest(recorder, 0, 2_000);
        }
        first.recordGap(NOW_MS - 100_000, NOW_MS - 50_000);
        second.recordGap(NOW_MS - 80_000, NOW_MS - 20_000);
        first.recordGap(Venue.BYBIT, NOW_MS - 30_000, NOW_MS - 10_000);
        second.recordGap(Venue.BYBIT, NOW_MS - 40_000, NOW_MS - 15_000);
        second.recordGap(Venue.OKX, NOW_MS - 40_000, NOW_MS - 15_000);
        final ReplicationConfig firstConfig = recorderConfig("first", 1);
        final ReplicationConfig secondConfig = recorderConfig("second", 2);
        final ReplicationRecorder firstRecorder = ReplicationRecorder.start(firstConfig, dir.resolve("first"));
        open.add(ReplicationRecorder.start(secondConfig, dir.resolve("second")));

        final LiqvolEngine edgeEngine = engine("edge");
        final ReplicationEdge edge = ReplicationEdge.start(edgeConfig("edge", firstConfig, secondConfig),
            dir.resolve("edge"), edgeEngine);
        open.add(edge);
        Await.until("the edge has both histories", () -> edgeEngine.counters().duplicates() == 2_000);
        firstRecorder.close();
        for (final LiqvolEngine recorder : List.of(first, second))
        {
            ingest(recorder, 2_000, 2_500);
        }
        Await.until("the edge follows the recorder left", () -> edgeEngine.counters().accepted() == 2_500);
        Await.pause(200);

        assertThat(edge.ready()).isTrue();
        assertThat(edgeEngine.counters().accepted()).isEqualTo(2_500);
        assertThat(edgeEngine.counters().duplicates()).isEqualTo(2_000);
        assertThat(edgeEngine.gaps()).containsExactly(new Gap(NOW_MS - 80_000, NOW_MS - 50_000, GapKind.UPSTREAM),
            new Gap(Venue.BYBIT, NOW_MS - 30_000, NOW_MS - 15_000));
    }

    @Test
    void shouldIntersectAGapOneRecorderSentBeforeARestartOfTheEdgeWithTheOthersSentAfter()
    {
        final LiqvolEngine first = engine("first");
        final LiqvolEngine second = engine("second");
        for (final LiqvolEngine recorder : List.of(first, second))
        {
            ingest(recorder, 0, 500);
        }
        first.recordGap(Venue.OKX, NOW_MS - 100_000, NOW_MS - 50_000);
        final ReplicationConfig firstConfig = recorderConfig("first", 1);
        final ReplicationConfig secondConfig = recorderConfig("second", 2);
        open.add(ReplicationRecorder.start(firstConfig, dir.resolve("first")));
        open.add(ReplicationRecorder.start(secondConfig, dir.resolve("second")));
        final ReplicationConfig edgeConfig = edgeConfig("edge", firstConfig, secondConfig);

        final LiqvolEngine edgeEngine = LiqvolEngine.launch(edgeContext());
        final ReplicationEdge edge = ReplicationEdge.start(edgeConfig, dir.resolve("edge"), edgeEngine);
        Await.until("the edge took the first gap", () -> edge.handed() == 1_001);
        edge.close();
        edgeEngine.close();
        second.recordGap(Venue.OKX, NOW_MS - 80_000, NOW_MS - 20_000);

        final LiqvolEngine restartedEngine = engine(edgeContext());
        open.add(ReplicationEdge.start(edgeConfig, dir.resolve("edge"), restartedEngine));
        Await.until("the restarted edge recorded the gap", () -> restartedEngine.gapCount() == 1);
        Await.pause(200);

        assertThat(restartedEngine.gaps()).containsExactly(new Gap(Venue.OKX, NOW_MS - 80_000, NOW_MS - 50_000));
    }

    @Test
    void shouldReplayOverIpcThenFollowTheRecordersPublicationOnTheSharedDriverWithoutLossOrDuplicates()
    {
        final String aeronDir = aeronDir("shared");
        open.add(MediaDriver.launch(new MediaDriver.Context().aeronDirectoryName(aeronDir).dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true).threadingMode(ThreadingMode.SHARED).termBufferSparseFile(true)));
        final LiqvolEngine recorderEngine = engine("recorder");
        ingest(recorderEngine, 0, 3_000);
        final ReplicationConfig recorderConfig = new ReplicationConfig()
            .archiveEndpoint("localhost:" + ReplicationTesting.freeUdpPort())
            .liveEndpoint("localhost:" + ReplicationTesting.freeUdpPort()).termLength(64 << 10)
            .archiveDir(dir.resolve("recorder-archive")).aeronDir(aeronDir).embeddedDriver(false).conclude();
        open.add(ReplicationRecorder.start(recorderConfig, dir.resolve("recorder")));

        final LiqvolEngine edgeEngine = engine("edge");
        final ReplicationEdge edge = ReplicationEdge.start(new ReplicationConfig()
            .from(List.of(recorderConfig.archiveEndpoint())).channel(ReplicationConfig.IPC_CHANNEL)
            .aeronDir(aeronDir).embeddedDriver(false).conclude(), dir.resolve("edge"), edgeEngine);
        open.add(edge);
        Await.until("the edge caught up", edge::ready);
        ingest(recorderEngine, 3_000, 4_000);
        Await.until("the edge follows live", () -> edgeEngine.counters().accepted() == 4_000);
        Await.pause(200);

        assertThat(edge.recorders()).singleElement().satisfies(recorder -> assertThat(recorder.live()).isTrue());
        assertThat(edgeEngine.counters().accepted()).isEqualTo(4_000);
        assertThat(edgeEngine.counters().duplicates()).isZero();
    }

    private EngineContext edgeContext()
    {
        return new EngineContext().epochClock(() -> NOW_MS).dataDir(dir.resolve("edge")).liveRecording(false);
    }

    private LiqvolEngine engine(final EngineContext context)
    {
        final LiqvolEngine engine = LiqvolEngine.launch(context);
        open.add(engine);
        return engine;
    }

    private LiqvolEngine engine(final String name)
    {
        return engine(new EngineContext().epochClock(() -> NOW_MS).dataDir(dir.resolve(name)).liveRecording(false));
    }

    private ReplicationConfig recorderConfig(final String name, final int recorderId)
    {
        return new ReplicationConfig().archiveEndpoint("localhost:" + ReplicationTesting.freeUdpPort())
            .liveEndpoint("localhost:" + ReplicationTesting.freeUdpPort()).recorderId(recorderId).termLength(64 << 10)
            .archiveDir(dir.resolve(name + "-archive")).aeronDir(aeronDir(name)).conclude();
    }

    private ReplicationConfig edgeConfig(final String name, final ReplicationConfig... recorders)
    {
        final List<String> from = new ArrayList<>();
        for (final ReplicationConfig recorder : recorders)
        {
            from.add(recorder.archiveEndpoint());
        }
        return new ReplicationConfig().from(from).termLength(64 << 10).aeronDir(aeronDir(name)).conclude();
    }

    private String aeronDir(final String name)
    {
        final Path path = ReplicationTesting.aeronDir(name);
        shm.add(path);
        return path.toString();
    }

    private static void ingest(final LiqvolEngine engine, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            engine.ingestLiquidation("S" + (i % 30) + "USDT", Side.fromOrdinal(i % 2), 1_000 + i, 7_000_000 + i,
                NOW_MS - 3_600_000 + i, 0);
        }
    }
}
