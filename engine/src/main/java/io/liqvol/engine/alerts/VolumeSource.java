package io.liqvol.engine.alerts;

import io.liqvol.engine.BucketSnapshot;
import io.liqvol.engine.Timeframe;

import java.util.List;

/** The engine's history of buckets ({@code LiqvolEngine::volume}), from which baselines are taken. */
@FunctionalInterface
public interface VolumeSource
{
    /**
     * Every bucket from the one holding {@code startMs} while its start is before {@code endMs}, ascending, summed
     * over the venues of {@code venueMask} ({@code Venues}).
     */
    List<BucketSnapshot> volume(String symbol, int venueMask, Timeframe timeframe, long startMs, long endMs);
}
