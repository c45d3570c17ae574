package io.liqvol.engine;

/**
 * Receives what the engine publishes, on the engine's publisher thread, after the liquidations were handed
 * to the journal. Implementations must not block: hand work to another thread or drop it deliberately.
 */
public interface EngineListener
{
    /** Each accepted liquidation, in ring order. */
    void onLiquidation(LiquidationView liquidation);

    /**
     * At the end of a batch, once per bucket of a venue that the batch changed, with its accumulated totals there
     * ({@link BucketView#venue()}) and over every venue ({@link BucketView#allVenues()}).
     */
    void onBucketChanged(BucketView bucket);

    /** A recorded interval without a live upstream connection. */
    default void onGap(final Gap gap)
    {
    }

    /** After the last {@link #onBucketChanged} of a batch. */
    default void onBatchEnd()
    {
    }
}
