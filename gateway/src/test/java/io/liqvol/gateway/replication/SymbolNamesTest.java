package io.liqvol.gateway.replication;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SymbolNamesTest
{
    private final SymbolNames names = new SymbolNames();

    @Test
    void shouldGiveTheSameStringForTheSameBytesAcrossGrowth()
    {
        final byte[] buffer = new byte[32];
        final String[] first = new String[1_000];
        for (int i = 0; i < first.length; i++)
        {
            first[i] = names.name(buffer, ascii("S" + i + "USDT", buffer));
        }
        for (int i = 0; i < first.length; i++)
        {
            final String again = names.name(buffer, ascii("S" + i + "USDT", buffer));

            assertThat(again).isSameAs(first[i]).isEqualTo("S" + i + "USDT");
        }
    }

    @Test
    void shouldReadOnlyTheGivenLength()
    {
        final byte[] buffer = "BTCUSDTXYZ".getBytes(StandardCharsets.US_ASCII);

        assertThat(names.name(buffer, 7)).isEqualTo("BTCUSDT");
        assertThat(names.name(buffer, 10)).isEqualTo("BTCUSDTXYZ");
    }

    private static int ascii(final String text, final byte[] into)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, into, 0, bytes.length);
        return bytes.length;
    }
}
