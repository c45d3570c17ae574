package io.liqvol.gateway.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FrameReplayerTest
{
    @Test
    void shouldReadRawAndCombinedFramesAndSkipTheRest(@TempDir final Path directory) throws IOException
    {
        final String forceOrder = "{\"e\":\"forceOrder\",\"E\":1700000000500,\"o\":{\"s\":\"ETHUSDT\",\"S\":\"BUY\","
            + "\"q\":\"1\",\"T\":1}}";
        final String kline = "{\"e\":\"kline\",\"E\":1700000000900,\"s\":\"BTCUSDT\",\"k\":{\"t\":1,\"s\":\"BTCUSDT\","
            + "\"i\":\"1m\"}}";
        final Path file = directory.resolve("recorded.jsonl");
        Files.writeString(file, String.join("\n",
            "{\"stream\":\"!forceOrder@arr\",\"data\":" + forceOrder + "}",
            "",
            "{\"e\":\"depthUpdate\",\"E\":1}",
            "{broken",
            "  " + kline + "  ",
            "{\"stream\":\"btcusdt@kline_1m\",\"data\":" + kline + "}"));

        final FrameReplayer replayer = new FrameReplayer(file);

        assertThat(replayer.events()).containsExactly(
            new FrameReplayer.RecordedEvent("ethusdt@forceOrder", forceOrder, 1_700_000_000_500L, true),
            new FrameReplayer.RecordedEvent("btcusdt@kline_1m", kline, 1_700_000_000_900L, false),
            new FrameReplayer.RecordedEvent("btcusdt@kline_1m", kline, 1_700_000_000_900L, false));
        assertThat(replayer.skippedLines()).isEqualTo(3);
    }
}
