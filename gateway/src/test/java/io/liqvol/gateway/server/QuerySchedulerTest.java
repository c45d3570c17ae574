package io.liqvol.gateway.server;

import io.liqvol.gateway.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuerySchedulerTest
{
    private static final InetAddress FLOODER = address(2);
    private static final InetAddress BYSTANDER = address(3);

    private final GatewayMetrics metrics = new GatewayMetrics();
    private final CountDownLatch gate = new CountDownLatch(1);
    private QueryScheduler scheduler;

    @AfterEach
    void close() throws InterruptedException
    {
        gate.countDown();
        scheduler.close(5_000);
    }

    @Test
    void shouldPriceAQueryByItsRowsAndAtLeastTheMinimum()
    {
        scheduler = new QueryScheduler(1, 10_000, 5_000, metrics);

        assertThat(QueryScheduler.price(5_000)).isEqualTo(5_000);
        assertThat(QueryScheduler.price(3)).isEqualTo(QueryScheduler.MIN_PRICE);
    }

    @Test
    void shouldRefuseAnAddressBeyondItsBudgetWith429AndLetOthersIn()
    {
        scheduler = new QueryScheduler(2, 10_000, 5_000, metrics);
        scheduler.submit(FLOODER, 5_000, ticket -> waitForGate());

        assertThatThrownBy(() -> scheduler.submit(FLOODER, 100, ticket -> ticket.release()))
            .isInstanceOfSatisfying(ApiException.class, e ->
            {
                assertThat(e.status().code()).isEqualTo(429);
                assertThat(e.code()).isEqualTo("rate_limited");
                assertThat(e.retryAfterSeconds()).isEqualTo(QueryScheduler.RETRY_AFTER_SECONDS);
            });
        final CountDownLatch answered = new CountDownLatch(1);
        scheduler.submit(BYSTANDER, 100, ticket ->
        {
            ticket.release();
            answered.countDown();
        });
        assertThat(await(answered)).isTrue();
        assertThat(metrics.counterSet().get(GatewayMetrics.QUERIES_REFUSED_ADDRESS)).isEqualTo(1);
    }

    @Test
    void shouldRunAResumedStepAfterTheWaitingQueriesWithItsPriceStillHeld()
    {
        scheduler = new QueryScheduler(1, 10_000, 5_000, metrics);
        final List<String> ran = new CopyOnWriteArrayList<>();
        final CountDownLatch done = new CountDownLatch(1);
        scheduler.submit(FLOODER, 1_000, ticket ->
        {
            waitForGate();
            ran.add("first step");
            ticket.resume(next ->
            {
                ran.add("second step");
                assertThat(metrics.counterSet().get(GatewayMetrics.QUERY_COST_HELD)).isEqualTo(1_000);
                next.release();
                done.countDown();
            });
        });
        scheduler.submit(FLOODER, 100, ticket ->
        {
            ran.add("waiting query");
            ticket.release();
        });
        gate.countDown();

        assertThat(await(done)).isTrue();
        assertThat(ran).containsExactly("first step", "waiting query", "second step");
        Await.until("every price given back", () -> metrics.counterSet().get(GatewayMetrics.QUERY_COST_HELD) == 0);
    }

    @Test
    void shouldRefuseBeyondTheServerBudgetWith503Overloaded()
    {
        scheduler = new QueryScheduler(2, 6_000, 5_000, metrics);
        scheduler.submit(FLOODER, 5_000, ticket -> waitForGate());

        assertThatThrownBy(() -> scheduler.submit(BYSTANDER, 1_500, ticket -> ticket.release()))
            .isInstanceOfSatisfying(ApiException.class, e ->
            {
                assertThat(e.status().code()).isEqualTo(503);
                assertThat(e.code()).isEqualTo("overloaded");
                assertThat(e.retryAfterSeconds()).isPositive();
            });
        assertThat(metrics.counterSet().get(GatewayMetrics.QUERIES_REFUSED_SERVER)).isEqualTo(1);
    }

    @Test
    void shouldHoldThePriceUntilTheTicketIsReleasedOnce()
    {
        scheduler = new QueryScheduler(1, 10_000, 5_000, metrics);
        final List<QueryScheduler.Ticket> tickets = new CopyOnWriteArrayList<>();
        scheduler.submit(FLOODER, 5_000, tickets::add);
        Await.until("the query ran", () -> tickets.size() == 1);

        assertThat(metrics.counterSet().get(GatewayMetrics.QUERY_COST_HELD)).isEqualTo(5_000);
        assertThatThrownBy(() -> scheduler.submit(FLOODER, 100, ticket -> ticket.release()))
            .isInstanceOf(ApiException.class);

        tickets.get(0).release();
        tickets.get(0).release();
        assertThat(metrics.counterSet().get(GatewayMetrics.QUERY_COST_HELD)).isZero();
        scheduler.submit(FLOODER, 5_000, ticket -> ticket.release());
    }

    @Test
    void shouldServeAddressesInTurnSoABacklogDoesNotDelayAnotherAddress() throws InterruptedException
    {
        scheduler = new QueryScheduler(1, 100_000, 100_000, metrics);
        final List<String> order = new CopyOnWriteArrayList<>();
        final CountDownLatch started = new CountDownLatch(1);
        scheduler.submit(FLOODER, 100, ticket ->
        {
            started.countDown();
            waitForGate();
            order.add("flooder");
            ticket.release();
        });
        assertThat(await(started)).isTrue();
        for (int i = 0; i < 5; i++)
        {
            scheduler.submit(FLOODER, 100, ticket ->
            {
                order.add("flooder");
                ticket.release();
            });
        }
        scheduler.submit(BYSTANDER, 100, ticket ->
        {
            order.add("bystander");
            ticket.release();
        });

        gate.countDown();
        Await.until("every query ran", () -> order.size() == 7);
        assertThat(order.subList(0, 3)).containsExactly("flooder", "bystander", "flooder");
    }

    @Test
    void shouldRunOneAddressOnAtMostHalfTheWorkers()
    {
        scheduler = new QueryScheduler(4, 100_000, 100_000, metrics);
        final AtomicInteger running = new AtomicInteger();
        for (int i = 0; i < 6; i++)
        {
            scheduler.submit(FLOODER, 100, ticket ->
            {
                running.incrementAndGet();
                waitForGate();
                ticket.release();
            });
        }
        Await.until("two queries running", () -> running.get() == 2);
        final CountDownLatch answered = new CountDownLatch(1);
        scheduler.submit(BYSTANDER, 100, ticket ->
        {
            ticket.release();
            answered.countDown();
        });

        assertThat(await(answered)).isTrue();
        assertThat(running.get()).isEqualTo(2);
    }

    @Test
    void shouldReleaseTheTicketOfAQueryThatThrows()
    {
        scheduler = new QueryScheduler(1, 10_000, 5_000, metrics);
        scheduler.submit(FLOODER, 5_000, ticket ->
        {
            throw new IllegalStateException("the journal failed");
        });

        Await.until("the price given back", () -> metrics.counterSet().get(GatewayMetrics.QUERY_COST_HELD) == 0);
        scheduler.submit(FLOODER, 5_000, ticket -> ticket.release());
    }

    @Test
    void shouldFinishAdmittedQueriesAndRefuseNewOnesOnceClosed() throws InterruptedException
    {
        scheduler = new QueryScheduler(1, 10_000, 5_000, metrics);
        final CountDownLatch answered = new CountDownLatch(1);
        scheduler.submit(FLOODER, 100, ticket ->
        {
            ticket.release();
            answered.countDown();
        });

        scheduler.close(5_000);

        assertThat(await(answered)).isTrue();
        assertThatThrownBy(() -> scheduler.submit(BYSTANDER, 100, ticket -> ticket.release()))
            .isInstanceOfSatisfying(ApiException.class, e ->
            {
                assertThat(e.code()).isEqualTo("shutting_down");
                assertThat(e.retryAfterSeconds()).isZero();
            });
    }

    private void waitForGate()
    {
        await(gate);
    }

    private static boolean await(final CountDownLatch latch)
    {
        try
        {
            return latch.await(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static InetAddress address(final int last)
    {
        try
        {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte)last});
        }
        catch (final UnknownHostException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
