package io.liqvol.gateway.simulator;

import io.netty.util.concurrent.EventExecutor;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Binance's snapshot rule: per symbol at most one liquidation is pushed per interval, and it is the latest one.
 * A liquidation arriving while the symbol's window is closed replaces any waiting one (the stream is lossy by
 * design) and is pushed when the window opens. Runs on the market executor only.
 */
final class LiquidationThrottle
{
    /** Receives the liquidations that pass the rule, with their push time. */
    interface Publisher
    {
        void publish(SimulatedLiquidation liquidation, long eventTimeMs);
    }

    private static final class SymbolWindow
    {
        long lastPushMs = Long.MIN_VALUE / 2;
        SimulatedLiquidation waiting;
    }

    private final EventExecutor market;
    private final long intervalMs;
    private final LongSupplier clockMs;
    private final Publisher publisher;
    private final Map<String, SymbolWindow> windows = new HashMap<>();
    private long replaced;

    LiquidationThrottle(final EventExecutor market, final long intervalMs, final LongSupplier clockMs,
        final Publisher publisher)
    {
        this.market = market;
        this.intervalMs = intervalMs;
        this.clockMs = clockMs;
        this.publisher = publisher;
    }

    void offer(final SimulatedLiquidation liquidation)
    {
        final SymbolWindow window = windows.computeIfAbsent(liquidation.symbol(), symbol -> new SymbolWindow());
        final long nowMs = clockMs.getAsLong();
        if (window.waiting != null)
        {
            window.waiting = liquidation;
            replaced++;
            return;
        }
        final long openMs = window.lastPushMs + intervalMs;
        if (nowMs >= openMs)
        {
            window.lastPushMs = nowMs;
            publisher.publish(liquidation, nowMs);
            return;
        }
        window.waiting = liquidation;
        market.schedule(() -> flush(window), openMs - nowMs, TimeUnit.MILLISECONDS);
    }

    /** Liquidations that a later one of the same symbol replaced inside its window: never pushed. */
    long replaced()
    {
        return replaced;
    }

    private void flush(final SymbolWindow window)
    {
        final SimulatedLiquidation liquidation = window.waiting;
        window.waiting = null;
        final long nowMs = Math.max(clockMs.getAsLong(), window.lastPushMs + intervalMs);
        window.lastPushMs = nowMs;
        publisher.publish(liquidation, nowMs);
    }
}
