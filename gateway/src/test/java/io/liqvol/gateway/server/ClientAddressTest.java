package io.liqvol.gateway.server;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.NetUtil;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest
{
    private static final InetAddress PROXY = address("127.0.0.1");
    private static final InetAddress INNER_PROXY = address("10.0.0.9");

    @Test
    void shouldTakeTheRightmostEntryThatIsNotATrustedProxy()
    {
        assertThat(ClientAddress.forwarded(List.of("1.2.3.4, 10.0.0.9"), List.of(PROXY, INNER_PROXY)))
            .isEqualTo(address("1.2.3.4"));
        assertThat(ClientAddress.forwarded(List.of("6.6.6.6, 5.6.7.8"), List.of(PROXY))).isEqualTo(address("5.6.7.8"));
        assertThat(ClientAddress.forwarded(List.of("6.6.6.6", "2001:db8::1"), List.of(PROXY)))
            .isEqualTo(address("2001:db8::1"));
    }

    @Test
    void shouldHaveNoClientForAMalformedOrEmptyHeader()
    {
        assertThat(ClientAddress.forwarded(List.of("unknown"), List.of(PROXY))).isNull();
        assertThat(ClientAddress.forwarded(List.of(), List.of(PROXY))).isNull();
        assertThat(ClientAddress.forwarded(List.of("127.0.0.1"), List.of(PROXY))).isNull();
    }

    @Test
    void shouldCountARequestFromATrustedProxyUnderItsForwardedClient()
    {
        final EmbeddedChannel channel = new EmbeddedChannel();
        final HttpHeaders headers = new DefaultHttpHeaders().set("X-Forwarded-For", "9.9.9.9, 5.6.7.8");

        ClientAddress.update(channel, headers, List.of(PROXY));
        assertThat(ClientAddress.of(channel)).isEqualTo(address("5.6.7.8"));

        ClientAddress.update(channel, new DefaultHttpHeaders(), List.of(PROXY));
        assertThat(ClientAddress.of(channel)).isEqualTo(PROXY);
    }

    @Test
    void shouldIgnoreTheHeaderFromAnAddressThatIsNoTrustedProxy()
    {
        final EmbeddedChannel channel = new EmbeddedChannel();
        final HttpHeaders headers = new DefaultHttpHeaders().set("X-Forwarded-For", "5.6.7.8");

        ClientAddress.update(channel, headers, List.of(INNER_PROXY));
        assertThat(ClientAddress.of(channel)).isEqualTo(PROXY);
        ClientAddress.update(channel, headers, List.of());
        assertThat(ClientAddress.of(channel)).isEqualTo(PROXY);
    }

    private static InetAddress address(final String literal)
    {
        return NetUtil.createInetAddressFromIpAddressString(literal);
    }
}
