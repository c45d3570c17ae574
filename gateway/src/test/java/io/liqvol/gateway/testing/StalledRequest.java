package io.liqvol.gateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP request from a chosen loopback address (127.0.0.N: the gateway sees each N as another client) on a
 * socket with a tiny receive buffer that is not read until told: a large answer cannot be written to it, so the
 * server holds that answer for as long as the test wants.
 */
public final class StalledRequest implements AutoCloseable
{
    private final Socket socket;

    private StalledRequest(final Socket socket)
    {
        this.socket = socket;
    }

    public static StalledRequest send(final int fromAddress, final int port, final String pathAndQuery)
        throws IOException
    {
        final Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout(20_000);
        socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte)fromAddress}), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new StalledRequest(socket);
    }

    /** Reads the answer's status line and headers. */
    public String readHead() throws IOException
    {
        final InputStream in = socket.getInputStream();
        final StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0)
        {
            final int next = in.read();
            if (next < 0)
            {
                break;
            }
            head.append((char)next);
        }
        return head.toString();
    }

    /** The answer's body, read now at last. */
    public byte[] readBody() throws IOException
    {
        return RawHttp.readBody(socket.getInputStream());
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
