package io.liqvol.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangedBucketsTest
{
    private final ChangedBuckets changed = new ChangedBuckets();

    @Test
    void shouldListEachChangedBucketOnceInOrderOfFirstChange()
    {
        changed.mark(3, 0, 100);
        changed.mark(3, 1, 33);
        changed.mark(3, 0, 100);
        changed.mark(1, 0, 100);
        changed.mark(3, 1, 33);

        assertThat(listed()).containsExactly("3/0/100", "3/1/33", "1/0/100");
    }

    @Test
    void shouldListTwoBucketsOfOneTimeframeOnceEachWhenLiquidationsAlternate()
    {
        for (final int bucketIndex : new int[] {7, 5, 7, 6, 5})
        {
            changed.mark(0, 13, bucketIndex);
        }

        assertThat(listed()).containsExactly("0/13/7", "0/13/5", "0/13/6");
    }

    @Test
    void shouldStartEachBatchAfresh()
    {
        changed.mark(0, 2, 9);
        changed.mark(0, 2, 8);
        changed.clear();
        assertThat(listed()).isEmpty();

        for (final int bucketIndex : new int[] {8, 9, 8})
        {
            changed.mark(0, 2, bucketIndex);
        }

        assertThat(listed()).containsExactly("0/2/8", "0/2/9");
    }

    @Test
    void shouldTrackSymbolsBeyondItsFirstArrays()
    {
        changed.mark(1_000_000, 5, Integer.MAX_VALUE);
        changed.mark(1_000_000, 5, Integer.MAX_VALUE);

        assertThat(listed()).containsExactly("1000000/5/" + Integer.MAX_VALUE);
    }

    private List<String> listed()
    {
        final List<String> keys = new ArrayList<>();
        for (int k = 0; k < changed.size(); k++)
        {
            final long key = changed.key(k);
            keys.add(ChangedBuckets.seriesId(key) + "/" + ChangedBuckets.timeframe(key) + "/"
                + ChangedBuckets.bucketIndex(key));
        }
        return keys;
    }
}
