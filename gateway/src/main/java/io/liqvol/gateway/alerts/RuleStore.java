package io.liqvol.gateway.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.liqvol.engine.alerts.AlertRule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules, durable: every change rewrites {@code rules.json} atomically ({@link AtomicFile}) before it counts, so
 * that a crash keeps the rules as they were before or after it. Changes are made one at a time (synchronized); the
 * rules are read from any thread.
 */
final class RuleStore
{
    static final int MAX_RULES = 10_000;
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final Map<String, AlertRule> rules = new LinkedHashMap<>();
    private volatile List<AlertRule> snapshot = List.of();

    private RuleStore(final Path file)
    {
        this.file = file;
    }

    /** The rules of the file (none if it does not exist); a file that cannot be read is an error, never ignored. */
    static RuleStore open(final Path file) throws IOException
    {
        final RuleStore store = new RuleStore(file);
        if (Files.exists(file))
        {
            try (JsonParser parser = JSON.createParser(Files.readAllBytes(file)))
            {
                expect(parser.nextToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
                    && "rules".equals(parser.currentName()) && parser.nextToken() == JsonToken.START_ARRAY, file);
                while (parser.nextToken() == JsonToken.START_OBJECT)
                {
                    final AlertRule rule = RuleJson.read(parser, null);
                    store.rules.put(rule.id(), rule);
                }
            }
            store.snapshot = List.copyOf(store.rules.values());
        }
        return store;
    }

    List<AlertRule> rules()
    {
        return snapshot;
    }

    AlertRule rule(final String id)
    {
        for (final AlertRule rule : snapshot)
        {
            if (rule.id().equals(id))
            {
                return rule;
            }
        }
        return null;
    }

    /** Adds a rule; false when there are {@link #MAX_RULES} already. */
    synchronized boolean add(final AlertRule rule) throws IOException
    {
        return rules.size() < MAX_RULES && put(rule);
    }

    /** Replaces a rule; false without one of its id. */
    synchronized boolean replace(final AlertRule rule) throws IOException
    {
        return rules.containsKey(rule.id()) && put(rule);
    }

    private boolean put(final AlertRule rule) throws IOException
    {
        final Map<String, AlertRule> changed = new LinkedHashMap<>(rules);
        changed.put(rule.id(), rule);
        commit(changed);
        return true;
    }

    synchronized boolean delete(final String id) throws IOException
    {
        if (!rules.containsKey(id))
        {
            return false;
        }
        final Map<String, AlertRule> changed = new LinkedHashMap<>(rules);
        changed.remove(id);
        commit(changed);
        return true;
    }

    /** Writes the rules, then makes them current: a failed write changes nothing. */
    private void commit(final Map<String, AlertRule> changed) throws IOException
    {
        AtomicFile.write(file, json(changed.values()));
        rules.clear();
        rules.putAll(changed);
        snapshot = List.copyOf(rules.values());
    }

    static byte[] json(final Iterable<AlertRule> rules) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes))
        {
            json.writeStartObject();
            json.writeArrayFieldStart("rules");
            for (final AlertRule rule : rules)
            {
                RuleJson.write(json, rule);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    static String json(final AlertRule rule)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes))
        {
            RuleJson.write(json, rule);
        }
        catch (final IOException e)
        {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void expect(final boolean valid, final Path file) throws IOException
    {
        if (!valid)
        {
            throw new IOException(file + " is not a rule file ({\"rules\":[…]})");
        }
    }
}
