package io.liqvol.gateway.server;

import io.netty.handler.codec.http.HttpResponseStatus;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs history queries (which may read the journal, so never on an event loop) within a budget. A query is priced
 * by the buckets or rows it answers, at least {@link #MIN_PRICE}; its price is held from admission until its answer
 * has been written to the socket, by each address within {@code addressBudget} and by all within {@code budget}
 * (a query beyond them is refused at once: 429 {@code rate_limited}, 503 {@code overloaded}). Admitted queries wait
 * in one queue per address and the workers serve the addresses in turn, at most half the workers on one address,
 * so one address can neither take the whole executor nor make the others wait behind its backlog.
 */
final class QueryScheduler
{
    /** The price of the smallest query, for its fixed work. */
    static final int MIN_PRICE = 100;
    static final int RETRY_AFTER_SECONDS = 1;

    /**
     * A history query, or one step of a streamed answer; calls {@link Ticket#release()} once its answer is written
     * (or will not be), or {@link Ticket#resume} to run its next step.
     */
    @FunctionalInterface
    interface Query
    {
        void run(Ticket ticket);
    }

    private final Object lock = new Object();
    private final Map<InetAddress, Account> accounts = new HashMap<>();
    private final ArrayDeque<Account> ready = new ArrayDeque<>();
    private final long budget;
    private final long addressBudget;
    private final int runningPerAddress;
    private final GatewayMetrics metrics;
    private final Thread[] workers;
    private long held;
    private boolean closed;

    QueryScheduler(final int threads, final long budget, final long addressBudget, final GatewayMetrics metrics)
    {
        this.budget = budget;
        this.addressBudget = addressBudget;
        this.runningPerAddress = Math.max(1, threads / 2);
        this.metrics = metrics;
        this.workers = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            workers[i] = new Thread(this::work, "liqvol-query-" + (i + 1));
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    /** What a query answering {@code rows} buckets or rows costs. */
    static long price(final long rows)
    {
        return Math.max(MIN_PRICE, rows);
    }

    /**
     * Queues the query for {@code address}, or throws {@link ApiException}: 429 {@code rate_limited} over the
     * address's budget, 503 {@code overloaded} over the server's, 503 {@code shutting_down} once closed.
     */
    void submit(final InetAddress address, final long price, final Query query)
    {
        synchronized (lock)
        {
            if (closed)
            {
                throw new ApiException(HttpResponseStatus.SERVICE_UNAVAILABLE, "shutting_down",
                    "the server is shutting down");
            }
            final Account account = accounts.computeIfAbsent(address, Account::new);
            if (account.held + price > addressBudget)
            {
                metrics.increment(GatewayMetrics.QUERIES_REFUSED_ADDRESS);
                forgetIfIdle(account);
                throw ApiException.retryLater(HttpResponseStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "this address has queries worth " + account.held + " buckets under way; the budget is "
                        + addressBudget + " (a query costs the buckets or rows it answers, at least " + MIN_PRICE
                        + ")", RETRY_AFTER_SECONDS);
            }
            if (held + price > budget)
            {
                metrics.increment(GatewayMetrics.QUERIES_REFUSED_SERVER);
                forgetIfIdle(account);
                throw ApiException.retryLater(HttpResponseStatus.SERVICE_UNAVAILABLE, "overloaded",
                    "the server has queries worth " + held + " buckets under way; the budget is " + budget,
                    RETRY_AFTER_SECONDS);
            }
            account.held += price;
            held += price;
            metrics.add(GatewayMetrics.QUERY_COST_HELD, price);
            account.pending.addLast(new Ticket(account, price, query));
            makeReady(account);
        }
    }

    /** Refuses new queries, lets the admitted ones finish within the timeout, then interrupts the workers. */
    void close(final long timeoutMs) throws InterruptedException
    {
        synchronized (lock)
        {
            closed = true;
            lock.notifyAll();
        }
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (final Thread worker : workers)
        {
            final long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime());
            if (leftMs > 0)
            {
                worker.join(leftMs);
            }
        }
        interrupt();
    }

    /**
     * No step of any query waiting or running, so whatever the steps handed to a channel's event loop has been handed
     * over. For a test that runs an embedded channel's tasks on its own thread.
     */
    boolean idle()
    {
        synchronized (lock)
        {
            return ready.isEmpty() && accounts.values().stream()
                .allMatch(account -> account.running == 0 && account.pending.isEmpty());
        }
    }

    void interrupt()
    {
        for (final Thread worker : workers)
        {
            worker.interrupt();
        }
    }

    private void work()
    {
        while (true)
        {
            final Ticket ticket;
            synchronized (lock)
            {
                while (ready.isEmpty() && !closed)
                {
                    try
                    {
                        lock.wait();
                    }
                    catch (final InterruptedException e)
                    {
                        return;
                    }
                }
                if (ready.isEmpty())
                {
                    return;
                }
                final Account account = ready.pollFirst();
                account.ready = false;
                ticket = account.pending.pollFirst();
                account.running++;
                makeReady(account);
            }
            try
            {
                ticket.step.run(ticket);
            }
            catch (final RuntimeException e)
            {
                ticket.release();
            }
            synchronized (lock)
            {
                ticket.account.running--;
                makeReady(ticket.account);
            }
        }
    }

    /**
     * Queues the next step of an admitted query behind the address's waiting ones, still holding its price; false once
     * the scheduler is closed (the caller then gives the price back).
     */
    private boolean resume(final Ticket ticket, final Query step)
    {
        synchronized (lock)
        {
            if (closed)
            {
                return false;
            }
            ticket.step = step;
            ticket.account.pending.addLast(ticket);
            makeReady(ticket.account);
            return true;
        }
    }

    /** Queues the account for a worker if it has a query waiting and room to run it. Under the lock. */
    private void makeReady(final Account account)
    {
        if (!account.ready && !account.pending.isEmpty() && account.running < runningPerAddress)
        {
            account.ready = true;
            ready.addLast(account);
            lock.notify();
        }
    }

    private void forgetIfIdle(final Account account)
    {
        if (account.held == 0)
        {
            accounts.remove(account.address);
        }
    }

    private void release(final Account account, final long price)
    {
        synchronized (lock)
        {
            account.held -= price;
            held -= price;
            metrics.add(GatewayMetrics.QUERY_COST_HELD, -price);
            forgetIfIdle(account);
        }
    }

    /** One admitted query and the part of the budget it holds until {@link #release()}. */
    final class Ticket
    {
        private final Account account;
        private final long price;
        /** What a worker runs next; guarded by the scheduler's lock. */
        private Query step;
        private boolean released;

        private Ticket(final Account account, final long price, final Query query)
        {
            this.account = account;
            this.price = price;
            this.step = query;
        }

        /**
         * Runs {@code step} on a worker after the queries waiting now, with the price still held: a streamed answer
         * produces its next chunk this way once the client has taken the last ones. False once the scheduler is closed.
         */
        boolean resume(final Query next)
        {
            return QueryScheduler.this.resume(this, next);
        }

        /** Gives the price back; once, whoever calls it again. */
        void release()
        {
            synchronized (this)
            {
                if (released)
                {
                    return;
                }
                released = true;
            }
            QueryScheduler.this.release(account, price);
        }
    }

    /** One address's queries: waiting, running, and the price of all it holds. Guarded by the lock. */
    private static final class Account
    {
        private final InetAddress address;
        private final ArrayDeque<Ticket> pending = new ArrayDeque<>();
        private long held;
        private int running;
        private boolean ready;

        Account(final InetAddress address)
        {
            this.address = address;
        }
    }
}
