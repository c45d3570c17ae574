package io.liqvol.gateway.server;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which hosts a request may name and which browser origins may open a WebSocket (docs/API.md §3, §4).
 * <p>
 * Host: the loopback names, the bound address (every address of the machine when it binds all of them) and the
 * configured hosts, port left out; {@code *} for any. A page on a foreign name that was rebound to this address
 * (DNS rebinding) names that foreign host, and is refused before its same-origin requests reach anything.
 * A request without a Host header comes from a non-browser client and is let in.
 * <p>
 * Origin: the gateway's own (the page it serves, on an allowed host), the configured ones, or any with {@code *}.
 * A request without an Origin header comes from a non-browser client and is let in.
 */
final class OriginPolicy
{
    private static final String ANY = "*";

    private final Set<String> allowedHosts;
    private final List<String> allowedOrigins;

    OriginPolicy(final Set<String> allowedHosts, final List<String> allowedOrigins)
    {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** The policy of a server with these settings, bound where they say. */
    static OriginPolicy of(final ServerConfig config)
    {
        final Set<String> hosts = new HashSet<>();
        for (final String loopback : List.of("localhost", "127.0.0.1", "[::1]", config.host()))
        {
            hosts.add(hostName(loopback));
        }
        if (isWildcard(config.host()))
        {
            hosts.addAll(interfaceAddresses());
        }
        for (final String host : config.allowedHosts())
        {
            hosts.add(host.equals(ANY) ? ANY : hostName(host));
        }
        return new OriginPolicy(hosts, config.allowedOrigins());
    }

    boolean allowsHost(final String hostHeader)
    {
        return hostHeader == null || allowedHosts.contains(ANY) || allowedHosts.contains(hostName(hostHeader));
    }

    boolean allowsOrigin(final String origin, final String hostHeader)
    {
        if (origin == null)
        {
            return true;
        }
        if (hostHeader != null && (origin.equals("http://" + hostHeader) || origin.equals("https://" + hostHeader)))
        {
            return true;
        }
        return allowedOrigins.contains(ANY) || allowedOrigins.contains(origin);
    }

    /** The host of a Host header or setting, without its port, brackets or trailing dot, in lower case. */
    static String hostName(final String host)
    {
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("["))
        {
            final int close = name.indexOf(']');
            name = close < 0 ? name.substring(1) : name.substring(1, close);
            return canonicalIpv6(name);
        }
        final int colon = name.indexOf(':');
        if (colon >= 0 && colon == name.lastIndexOf(':'))
        {
            name = name.substring(0, colon);
        }
        else if (colon >= 0)
        {
            return canonicalIpv6(name);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** An IPv6 literal in Java's one spelling, without a scope; parsing a literal never asks DNS. */
    private static String canonicalIpv6(final String literal)
    {
        final int scope = literal.indexOf('%');
        final String address = scope < 0 ? literal : literal.substring(0, scope);
        try
        {
            return InetAddress.getByName("[" + address + "]").getHostAddress();
        }
        catch (final UnknownHostException e)
        {
            return address;
        }
    }

    private static boolean isWildcard(final String bindHost)
    {
        final String name = hostName(bindHost);
        return name.equals("0.0.0.0") || name.equals("0:0:0:0:0:0:0:0");
    }

    private static Set<String> interfaceAddresses()
    {
        final Set<String> addresses = new HashSet<>();
        try
        {
            for (final NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces()))
            {
                for (final InetAddress address : Collections.list(network.getInetAddresses()))
                {
                    addresses.add(hostName(address.getHostAddress().contains(":")
                        ? "[" + address.getHostAddress() + "]"
                        : address.getHostAddress()));
                }
            }
        }
        catch (final SocketException e)
        {
            // without the list, only the loopback names and configured hosts are allowed
        }
        return addresses;
    }
}
