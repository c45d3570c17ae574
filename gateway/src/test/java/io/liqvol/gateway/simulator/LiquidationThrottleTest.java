package io.liqvol.gateway.simulator;

import io.liqvol.engine.Side;
import io.liqvol.gateway.testing.Await;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LiquidationThrottleTest
{
    private record Pushed(SimulatedLiquidation liquidation, long eventTimeMs)
    {
    }

    private final EventExecutor market = new DefaultEventExecutor();
    private final List<Pushed> pushed = new CopyOnWriteArrayList<>();
    private final LiquidationThrottle throttle = new LiquidationThrottle(market, 200, System::currentTimeMillis,
        (liquidation, eventTimeMs) -> pushed.add(new Pushed(liquidation, eventTimeMs)));

    @AfterEach
    void stop()
    {
        market.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void shouldPushTheFirstAtOnceAndOnlyTheLatestOfTheWindowAfterIt() throws Exception
    {
        final SimulatedLiquidation first = liquidation("BTCUSDT", 1);
        final SimulatedLiquidation replaced = liquidation("BTCUSDT", 2);
        final SimulatedLiquidation latest = liquidation("BTCUSDT", 3);
        onMarket(() ->
        {
            throttle.offer(first);
            throttle.offer(replaced);
            throttle.offer(latest);
        });
        assertThat(pushed).extracting(Pushed::liquidation).containsExactly(first);

        Await.until("the window opens", () -> pushed.size() == 2);

        assertThat(pushed.get(1).liquidation()).isEqualTo(latest);
        assertThat(pushed.get(1).eventTimeMs() - pushed.get(0).eventTimeMs()).isGreaterThanOrEqualTo(200);
        assertThat(replacedOnMarket()).isEqualTo(1);
    }

    @Test
    void shouldApplyTheRuleToEachSymbolOnItsOwn() throws Exception
    {
        onMarket(() ->
        {
            throttle.offer(liquidation("BTCUSDT", 1));
            throttle.offer(liquidation("ETHUSDT", 2));
            throttle.offer(liquidation("SOLUSDT", 3));
        });

        assertThat(pushed).extracting(push -> push.liquidation().symbol())
            .containsExactly("BTCUSDT", "ETHUSDT", "SOLUSDT");
    }

    private static SimulatedLiquidation liquidation(final String symbol, final long tradeTimeMs)
    {
        return new SimulatedLiquidation(symbol, Side.SELL, "1", "100", "99", tradeTimeMs);
    }

    private void onMarket(final Runnable task) throws Exception
    {
        market.submit(task).get(5, TimeUnit.SECONDS);
    }

    private long replacedOnMarket() throws Exception
    {
        return market.submit(throttle::replaced).get(5, TimeUnit.SECONDS);
    }
}
