package io.liqvol.gateway.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a file of recorded frames, one per line, either raw events ({@code {"e":"forceOrder",…}}) or combined
 * frames ({@code {"stream":…,"data":{…}}}), into events with their stream and recorded event time. Lines that
 * are blank or not a recognisable event are counted and skipped.
 */
final class FrameReplayer
{
    /** A recorded event: the stream it belongs to, its JSON as recorded, and its {@code E}. */
    record RecordedEvent(String stream, String json, long eventTimeMs, boolean forceOrder)
    {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final List<RecordedEvent> events = new ArrayList<>();
    private int skippedLines;

    FrameReplayer(final Path file) throws IOException
    {
        for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
        {
            final RecordedEvent event = line.isBlank() ? null : parse(line.strip());
            if (event == null)
            {
                skippedLines++;
            }
            else
            {
                events.add(event);
            }
        }
    }

    List<RecordedEvent> events()
    {
        return events;
    }

    int skippedLines()
    {
        return skippedLines;
    }

    private static RecordedEvent parse(final String line)
    {
        try (JsonParser parser = JSON.createParser(line))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                return null;
            }
            String stream = null;
            String data = null;
            String type = null;
            String symbol = null;
            String interval = null;
            long eventTimeMs = -1;
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken value = parser.nextToken();
                if ("stream".equals(field) && value == JsonToken.VALUE_STRING)
                {
                    stream = parser.getText();
                }
                else if ("data".equals(field) && value == JsonToken.START_OBJECT)
                {
                    final int start = (int)parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    data = line.substring(start, (int)parser.currentLocation().getCharOffset());
                }
                else if ("e".equals(field) && value == JsonToken.VALUE_STRING)
                {
                    type = parser.getText();
                }
                else if ("E".equals(field) && value == JsonToken.VALUE_NUMBER_INT)
                {
                    eventTimeMs = parser.getLongValue();
                }
                else if (("o".equals(field) || "k".equals(field)) && value == JsonToken.START_OBJECT)
                {
                    while (parser.nextToken() == JsonToken.FIELD_NAME)
                    {
                        final String inner = parser.currentName();
                        parser.nextToken();
                        if ("s".equals(inner))
                        {
                            symbol = parser.getText();
                        }
                        else if ("i".equals(inner))
                        {
                            interval = parser.getText();
                        }
                        parser.skipChildren();
                    }
                }
                else
                {
                    parser.skipChildren();
                }
            }
            if (data != null)
            {
                final RecordedEvent inner = parse(data);
                return inner == null ? null
                    : new RecordedEvent(stream == null || inner.forceOrder() ? inner.stream() : stream, data,
                        inner.eventTimeMs(), inner.forceOrder());
            }
            if (eventTimeMs < 0 || symbol == null)
            {
                return null;
            }
            final String lower = symbol.toLowerCase(Locale.ROOT);
            if ("forceOrder".equals(type))
            {
                return new RecordedEvent(lower + "@forceOrder", line, eventTimeMs, true);
            }
            if ("kline".equals(type) && interval != null)
            {
                return new RecordedEvent(lower + "@kline_" + interval, line, eventTimeMs, false);
            }
            return null;
        }
        catch (final IOException | RuntimeException ex)
        {
            return null;
        }
    }
}
