package io.liqvol.gateway.server;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OriginPolicyTest
{
    private final OriginPolicy policy = OriginPolicy.of(new ServerConfig().host("192.0.2.7")
        .allowedHosts(List.of("Desk.Example")).allowedOrigins(List.of("https://page.example")));

    @Test
    void shouldAllowTheLoopbackNamesTheBoundAddressAndConfiguredHostsOnAnyPort()
    {
        assertThat(List.of("localhost", "localhost:8000", "LOCALHOST.", "127.0.0.1:8000", "[::1]:8000",
            "[0:0:0:0:0:0:0:1]", "192.0.2.7:8000", "desk.example", "desk.example:443"))
            .allSatisfy(host -> assertThat(policy.allowsHost(host)).as(host).isTrue());
    }

    @Test
    void shouldRefuseAForeignNameAsARebindingPageWouldSendIt()
    {
        assertThat(List.of("evil.example:8000", "evil.example", "localhost.evil.example", "desk.example.evil",
            "192.0.2.8", "[::2]:8000", "[evil]", ""))
            .allSatisfy(host -> assertThat(policy.allowsHost(host)).as(host).isFalse());
    }

    @Test
    void shouldLetARequestWithoutAHostIn()
    {
        assertThat(policy.allowsHost(null)).isTrue();
    }

    @Test
    void shouldAllowEveryAddressOfTheMachineWhenBoundToAll() throws Exception
    {
        final OriginPolicy everywhere = OriginPolicy.of(new ServerConfig().host("0.0.0.0"));

        for (final NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces()))
        {
            for (final InetAddress address : Collections.list(network.getInetAddresses()))
            {
                final String literal = address.getHostAddress().contains(":")
                    ? "[" + address.getHostAddress() + "]:8000"
                    : address.getHostAddress() + ":8000";
                assertThat(everywhere.allowsHost(literal)).as(literal).isTrue();
            }
        }
        assertThat(everywhere.allowsHost("evil.example:8000")).isFalse();
    }

    @Test
    void shouldAllowAnyHostWithAStar()
    {
        final OriginPolicy any = OriginPolicy.of(new ServerConfig().allowedHosts(List.of("*")));

        assertThat(any.allowsHost("evil.example:8000")).isTrue();
    }

    @Test
    void shouldAllowTheOwnOriginTheConfiguredOnesAndClientsWithoutAnOrigin()
    {
        assertThat(policy.allowsOrigin("http://desk.example:8000", "desk.example:8000")).isTrue();
        assertThat(policy.allowsOrigin("https://page.example", "desk.example:8000")).isTrue();
        assertThat(policy.allowsOrigin(null, "desk.example:8000")).isTrue();
        assertThat(policy.allowsOrigin("https://evil.example", "desk.example:8000")).isFalse();
        assertThat(policy.allowsOrigin("http://desk.example:8000", null)).isFalse();
    }
}
