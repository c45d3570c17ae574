package io.liqvol.gateway.server;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the server's alert routes ask of the alerts (docs/API.md §7): rules and events as JSON text. Changes of rules
 * are written to disk off the event loop and complete their future; one that is refused completes exceptionally with
 * {@link RuleRefused}.
 */
public interface AlertService
{
    /** {@code {"rules":[…]}}. */
    String rulesJson();

    /** The rule's JSON, or null without such a rule. */
    String ruleJson(String id);

    /** Creates a rule from a JSON body; completes with its JSON (holding its new id). */
    CompletableFuture<String> create(byte[] body);

    /** Replaces a rule; completes with its JSON, or null without such a rule. */
    CompletableFuture<String> replace(String id, byte[] body);

    /** Deletes a rule; completes with whether there was one. */
    CompletableFuture<Boolean> delete(String id);

    /** {@code {"events":[…]}}: those fired in [start, end), of one rule or all (null), the newest {@code limit}. */
    String eventsJson(long startMs, long endMs, int limit, String ruleId);

    /** Hands the most recent events (oldest first), then each new one, to {@code events}; of one rule or all. */
    Subscription subscribe(String ruleId, Consumer<String> events);

    /** An open subscription; closing it stops the events. */
    interface Subscription extends AutoCloseable
    {
        @Override
        void close();
    }

    /** A rule change refused: its error code and message (a 400). */
    final class RuleRefused extends RuntimeException
    {
        private final String code;

        public RuleRefused(final String code, final String message)
        {
            super(message);
            this.code = code;
        }

        public String code()
        {
            return code;
        }
    }
}
