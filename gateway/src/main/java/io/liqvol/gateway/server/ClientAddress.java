package io.liqvol.gateway.server;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AttributeKey;
import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.util.List;

/**
 * The address the per-address limits count a request under: the connection's remote address, or, for a connection
 * from a trusted proxy ({@code --trusted-proxies}), the client it names in {@code X-Forwarded-For}: the rightmost
 * entry that is not itself a trusted proxy (entries left of it could be written by the client).
 */
final class ClientAddress
{
    private static final AttributeKey<InetAddress> FORWARDED = AttributeKey.valueOf("liqvol.forwarded");
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private ClientAddress()
    {
    }

    /** The address a channel's queries are counted under. */
    static InetAddress of(final Channel channel)
    {
        final InetAddress forwarded = channel.attr(FORWARDED).get();
        return forwarded != null ? forwarded : ConnectionLimiter.addressOf(channel.remoteAddress());
    }

    /** Records the client a trusted proxy names for this request (and the stream it may open), else forgets it. */
    static void update(final Channel channel, final HttpHeaders headers, final List<InetAddress> trustedProxies)
    {
        if (trustedProxies.isEmpty())
        {
            return;
        }
        final InetAddress remote = ConnectionLimiter.addressOf(channel.remoteAddress());
        channel.attr(FORWARDED).set(
            trustedProxies.contains(remote) ? forwarded(headers.getAll(X_FORWARDED_FOR), trustedProxies) : null);
    }

    /** The rightmost address of the header's entries that is not a trusted proxy; null if there is none. */
    static InetAddress forwarded(final List<String> headerValues, final List<InetAddress> trustedProxies)
    {
        for (int value = headerValues.size() - 1; value >= 0; value--)
        {
            final String[] entries = headerValues.get(value).split(",");
            for (int i = entries.length - 1; i >= 0; i--)
            {
                final InetAddress address = NetUtil.createInetAddressFromIpAddressString(entries[i].strip());
                if (address == null)
                {
                    return null;
                }
                if (!trustedProxies.contains(address))
                {
                    return address;
                }
            }
        }
        return null;
    }
}
