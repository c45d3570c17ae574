package io.liqvol.engine;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.fail;

/**
 * Coverage-guided: any frame goes through the three readers behind {@link FrameDecoder} (Binance's exact layout, the
 * strict scanner, jackson) and must come out exactly as jackson alone reads it, twice in a row (the second time the
 * duplicate filter and the interned symbols have seen it). Seeds in {@code FrameDecoderFuzzTestInputs}; fuzzing with
 * {@code JAZZER_FUZZ=1} (README, Testing).
 */
class FrameDecoderFuzzTest
{
    @FuzzTest(maxDuration = "20s")
    @DictionaryEntries({"{\"e\":\"forceOrder\",\"E\":", ",\"o\":{\"s\":\"", "\",\"S\":\"", "\",\"o\":\"LIMIT\"",
        ",\"f\":\"IOC\"", ",\"q\":\"", "\",\"p\":\"", "\",\"ap\":\"", "\",\"X\":\"FILLED\"", ",\"l\":\"", ",\"z\":\"",
        "\",\"T\":", "{\"stream\":\"!forceOrder@arr\",\"data\":", "BUY", "SELL", "BTCUSDT", "\\u0042", "1700000000000",
        "0.00000001", "92233720368.54775807", "1e3", "-0"})
    void shouldDecodeAnyFrameExactlyAsJacksonAloneDoes(final byte[] frame)
    {
        final DifferentialDecoding scannerFirst = new DifferentialDecoding(true);
        final DifferentialDecoding jacksonOnly = new DifferentialDecoding(false);
        for (int pass = 1; pass <= 2; pass++)
        {
            scannerFirst.decode(frame);
            jacksonOnly.decode(frame);
            if (!scannerFirst.sameAs(jacksonOnly))
            {
                fail("pass %d of %s%n scanner first: %s%n jackson only:  %s", pass,
                    DifferentialDecoding.printable(frame), scannerFirst.describe(), jacksonOnly.describe());
            }
        }
    }
}
