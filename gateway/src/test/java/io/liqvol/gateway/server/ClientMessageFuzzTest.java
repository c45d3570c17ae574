package io.liqvol.gateway.server;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided: any text a client sends on a stream is a {@code ping} or a {@code range}, or is refused with
 * {@code invalid_message} or {@code invalid_range}; nothing else escapes. Seeds in {@code ClientMessageFuzzTestInputs}.
 */
class ClientMessageFuzzTest
{
    @FuzzTest(maxDuration = "20s")
    @DictionaryEntries({"{\"type\":\"ping\"}", "{\"type\":\"range\",\"start\":", ",\"end\":", "1700000000000",
        "9223372036854775808", "[", "{", "}", "null", "1.5"})
    void shouldParseOrRefuseAnyMessage(final byte[] message)
    {
        final String text = new String(message, StandardCharsets.UTF_8);
        try
        {
            final ClientMessage parsed = ClientMessage.parse(text);
            assertThat(parsed.type()).isIn("ping", "range");
        }
        catch (final ApiException refused)
        {
            assertThat(refused.code()).isIn("invalid_message", "invalid_range");
        }
    }
}
