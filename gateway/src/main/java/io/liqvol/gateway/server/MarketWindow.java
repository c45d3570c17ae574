package io.liqvol.gateway.server;

import com.fasterxml.jackson.core.JsonGenerator;
import io.liqvol.engine.Timeframe;

import java.io.IOException;
import java.util.Map;

/**
 * The window of an overview or a distribution (docs/API.md §4.10): {@code window=1h|4h|12h|24h}, the minutes up to and
 * including the current one, or {@code start}/{@code end} widened to whole minutes, inside the tape's horizon.
 */
record MarketWindow(String label, long startMs, long endMs)
{
    private static final long MINUTE_MS = 60_000L;
    private static final Map<String, Long> STANDARD = Map.of("1h", 3_600_000L, "4h", 4 * 3_600_000L,
        "12h", 12 * 3_600_000L, "24h", 24 * 3_600_000L);

    static MarketWindow parse(final String window, final String rawStart, final String rawEnd, final long nowMs)
    {
        final long currentEndMs = Timeframe.M1.alignDownMs(nowMs) + MINUTE_MS;
        if (rawStart == null && rawEnd == null)
        {
            final String label = window == null ? "1h" : window;
            final Long lengthMs = STANDARD.get(label);
            if (lengthMs == null)
            {
                throw ApiException.badRequest("invalid_window", "window must be 1h, 4h, 12h or 24h, was " + label);
            }
            return new MarketWindow(label, currentEndMs - lengthMs, currentEndMs);
        }
        if (window != null)
        {
            throw ApiException.badRequest("invalid_range", "give either window or start/end, not both");
        }
        final VolumeRange range = RequestValidator.interval(rawStart, rawEnd);
        final long startMs = Timeframe.M1.alignDownMs(range.startMs());
        final long endMs = Math.min(currentEndMs, Timeframe.M1.alignDownMs(Math.min(range.endMs(),
            Long.MAX_VALUE - MINUTE_MS) + MINUTE_MS - 1));
        if (startMs < currentEndMs - LiquidationTape.HORIZON_MS || startMs >= endMs)
        {
            throw ApiException.badRequest("invalid_range", "start must lie in the last "
                + LiquidationTape.HORIZON_MS / 3_600_000L + " hours and before end, was start=" + range.startMs());
        }
        return new MarketWindow(null, startMs, endMs);
    }

    /** {@code "window","start_time","end_time","recorded_ms","coverage"} (of the window's time up to now). */
    void writeFields(final MessageWriter writer, final JsonGenerator json, final Coverage coverage, final long nowMs)
        throws IOException
    {
        if (label != null)
        {
            json.writeStringField("window", label);
        }
        json.writeNumberField("start_time", startMs);
        json.writeNumberField("end_time", endMs);
        final long elapsedEndMs = Math.min(endMs, nowMs);
        writer.coverageFields(coverage.recordedMs(startMs, elapsedEndMs), Math.max(0, elapsedEndMs - startMs));
    }
}
