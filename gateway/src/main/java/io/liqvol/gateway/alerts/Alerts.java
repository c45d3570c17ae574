package io.liqvol.gateway.alerts;

import io.liqvol.engine.EngineListener;
import io.liqvol.engine.alerts.AlertEvaluator;
import io.liqvol.engine.alerts.AlertEvent;
import io.liqvol.engine.alerts.AlertRule;
import io.liqvol.engine.alerts.AlertSink;
import io.liqvol.engine.alerts.InvalidRuleException;
import io.liqvol.engine.alerts.VolumeSource;
import io.liqvol.engine.counters.CounterDescriptor;
import io.liqvol.engine.counters.PrometheusText;
import io.liqvol.gateway.server.AlertService;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The alerts, assembled: durable rules ({@link RuleStore}) evaluated by the engine library's {@link AlertEvaluator},
 * whose events get an id, go to the durable {@link EventLog}, to live subscribers (the WebSocket stream) and to the
 * rule's webhook ({@link Webhooks}). Rule changes are written on a thread of their own.
 */
public final class Alerts implements AlertService, AlertSink, AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(Alerts.class.getName());

    private final AlertsConfig config;
    private final RuleStore rules;
    private final EventLog log;
    private final AlertEvaluator evaluator;
    private final ExecutorService writer =
        Executors.newSingleThreadExecutor(new DefaultThreadFactory("liqvol-alert-rules", true));
    private final EventLoopGroup webhookGroup;
    private final Webhooks webhooks;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong logFailures = new AtomicLong();
    private final AtomicLong webhooksRefused = new AtomicLong();
    private volatile VolumeSource volumes;
    private long lastId;

    private record Subscriber(String ruleId, Consumer<String> events)
    {
    }

    private Alerts(final AlertsConfig config, final RuleStore rules, final EventLog log, final LongSupplier clockMs)
    {
        this.config = config;
        this.rules = rules;
        this.log = log;
        this.lastId = log.lastId();
        this.evaluator = new AlertEvaluator((symbol, venueMask, timeframe, startMs, endMs) ->
            volumes.volume(symbol, venueMask, timeframe, startMs, endMs), this, clockMs,
            AlertEvaluator.DEFAULT_QUEUE_CAPACITY);
        this.evaluator.rules(rules.rules());
        this.webhookGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("liqvol-webhooks", true),
            NioIoHandler.newFactory());
        this.webhooks = new Webhooks(webhookGroup.next(), new Webhooks.WebhookSettings(config.webhookTimeoutMs(),
            config.webhookQueueBound(), config.webhookMaxAttempts(), config.webhookFirstBackoffMs(),
            config.webhookMaxBackoffMs()));
    }

    /** Reads the rules and the event log; the evaluator waits for {@link #start}. */
    public static Alerts open(final AlertsConfig config, final LongSupplier clockMs) throws IOException
    {
        final RuleStore rules = RuleStore.open(config.directory().resolve("rules.json"));
        final EventLog log = EventLog.open(config.directory().resolve("events.jsonl"), config.retentionMs(),
            clockMs.getAsLong());
        return new Alerts(config, rules, log, clockMs);
    }

    /** To be registered with the engine before it launches. */
    public EngineListener listener()
    {
        return evaluator.listener();
    }

    /** Starts evaluating, with baselines from the engine's history. */
    public void start(final VolumeSource history)
    {
        this.volumes = history;
        evaluator.start();
    }

    public AlertEvaluator evaluator()
    {
        return evaluator;
    }

    @Override
    public String rulesJson()
    {
        try
        {
            return new String(RuleStore.json(rules.rules()), java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String ruleJson(final String id)
    {
        final AlertRule rule = rules.rule(id);
        return rule == null ? null : RuleStore.json(rule);
    }

    @Override
    public CompletableFuture<String> create(final byte[] body)
    {
        final AlertRule rule;
        try
        {
            rule = parse(body, "r" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36));
        }
        catch (final RuleRefused e)
        {
            return CompletableFuture.failedFuture(e);
        }
        return change(() ->
        {
            if (!rules.add(rule))
            {
                throw new RuleRefused("too_many_rules", "at most " + RuleStore.MAX_RULES + " rules");
            }
            return RuleStore.json(rule);
        });
    }

    @Override
    public CompletableFuture<String> replace(final String id, final byte[] body)
    {
        final AlertRule rule;
        try
        {
            if (rules.rule(id) == null)
            {
                return CompletableFuture.completedFuture(null);
            }
            rule = parse(body, id);
        }
        catch (final RuleRefused e)
        {
            return CompletableFuture.failedFuture(e);
        }
        return change(() -> rules.replace(rule) ? RuleStore.json(rule) : null);
    }

    @Override
    public CompletableFuture<Boolean> delete(final String id)
    {
        return change(() -> rules.delete(id));
    }

    @Override
    public String eventsJson(final long startMs, final long endMs, final int limit, final String ruleId)
    {
        final StringBuilder json = new StringBuilder(256).append("{\"events\":[");
        final List<EventLog.Stored> found = log.newest(startMs, endMs, limit, ruleId);
        for (int i = 0; i < found.size(); i++)
        {
            json.append(i == 0 ? "" : ",").append(found.get(i).json());
        }
        return json.append("]}").toString();
    }

    @Override
    public Subscription subscribe(final String ruleId, final Consumer<String> events)
    {
        final Subscriber subscriber = new Subscriber(ruleId, events);
        synchronized (this)
        {
            final List<EventLog.Stored> recent =
                new ArrayList<>(log.newest(0, Long.MAX_VALUE, config.recentOnConnect(), ruleId));
            Collections.reverse(recent);
            recent.forEach(stored -> events.accept(stored.json()));
            subscribers.add(subscriber);
        }
        return () -> subscribers.remove(subscriber);
    }

    /** On the evaluator's thread: an id, the log, the subscribers, the webhook. */
    @Override
    public void onAlert(final AlertEvent event)
    {
        final String json;
        synchronized (this)
        {
            final long id = ++lastId;
            json = EventJson.write(id, event);
            try
            {
                log.append(new EventLog.Stored(id, event.rule().id(), event.firedAtMs(), json));
            }
            catch (final IOException e)
            {
                logFailures.incrementAndGet();
                LOG.log(System.Logger.Level.WARNING, "an alert event could not be logged: {0}", e.toString());
            }
            for (final Subscriber subscriber : subscribers)
            {
                if (subscriber.ruleId() == null || subscriber.ruleId().equals(event.rule().id()))
                {
                    subscriber.events().accept(json);
                }
            }
            final String url = event.rule().webhookUrl();
            if (url != null)
            {
                if (config.allowsWebhook(url))
                {
                    webhooks.deliver(url, "liqvol-alert-" + id, json);
                }
                else
                {
                    webhooksRefused.incrementAndGet();
                }
            }
        }
    }

    @Override
    public void onDrained()
    {
        try
        {
            log.force();
        }
        catch (final IOException e)
        {
            logFailures.incrementAndGet();
        }
    }

    /** The Prometheus lines of the alerts (docs/API.md §4.6). */
    public void writeMetrics(final StringBuilder out)
    {
        gauge(out, "liqvol_alert_rules", "Alert rules", rules.rules().size());
        counter(out, "liqvol_alerts_fired_total", "Alert events fired", evaluator.fired());
        counter(out, "liqvol_alert_queue_drops_total",
            "Liquidations and bucket changes the alert evaluator never saw because its queue was full",
            evaluator.drops());
        counter(out, "liqvol_alert_evaluator_errors_total", "Exceptions while evaluating or handing out alerts",
            evaluator.errors());
        counter(out, "liqvol_alert_log_failures_total", "Alert events that could not be written to the log",
            logFailures.get());
        counter(out, "liqvol_alert_webhook_deliveries_total", "Alert events a webhook accepted (2xx)",
            webhooks.delivered());
        counter(out, "liqvol_alert_webhook_failures_total", "Webhook attempts that failed or timed out",
            webhooks.failedAttempts());
        counter(out, "liqvol_alert_webhook_given_up_total", "Alert events not delivered after every attempt",
            webhooks.givenUp());
        counter(out, "liqvol_alert_webhook_dropped_total",
            "Alert events dropped because their webhook's queue was full or its host not allowed",
            webhooks.dropped() + webhooksRefused.get());
    }

    /** Fields for /health (docs/API.md §4.5). */
    public long queueDrops()
    {
        return evaluator.drops();
    }

    public int ruleCount()
    {
        return rules.rules().size();
    }

    public int eventCount()
    {
        return log.size();
    }

    @Override
    public void close()
    {
        evaluator.close();
        writer.shutdown();
        webhookGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        try
        {
            writer.awaitTermination(5, TimeUnit.SECONDS);
            log.close();
        }
        catch (final IOException e)
        {
            LOG.log(System.Logger.Level.WARNING, "the alert log could not be closed: {0}", e.toString());
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** A rule's body, read and checked against the settings (the webhook allow-list). */
    private AlertRule parse(final byte[] body, final String id)
    {
        final AlertRule rule;
        try
        {
            rule = RuleJson.read(body, id);
        }
        catch (final InvalidRuleException e)
        {
            final String code = "exchange".equals(e.field()) ? "invalid_exchange" : "invalid_rule";
            throw new RuleRefused(code, e.getMessage());
        }
        if (rule.webhookUrl() != null && !config.allowsWebhook(rule.webhookUrl()))
        {
            throw new RuleRefused("invalid_rule", "webhook_url must go to a host of --alert-webhook-hosts");
        }
        return rule;
    }

    /** A rule change, written on the writer's thread; the evaluator takes the new rules once written. */
    private <T> CompletableFuture<T> change(final RuleChange<T> change)
    {
        final CompletableFuture<T> done = new CompletableFuture<>();
        writer.execute(() ->
        {
            try
            {
                final T result = change.apply();
                evaluator.rules(rules.rules());
                done.complete(result);
            }
            catch (final IOException | RuntimeException e)
            {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    @FunctionalInterface
    private interface RuleChange<T>
    {
        T apply() throws IOException;
    }

    private static void gauge(final StringBuilder out, final String name, final String help, final long value)
    {
        PrometheusText.write(out, name, help, CounterDescriptor.Kind.GAUGE, value);
    }

    private static void counter(final StringBuilder out, final String name, final String help, final long value)
    {
        PrometheusText.write(out, name, help, CounterDescriptor.Kind.COUNTER, value);
    }
}
