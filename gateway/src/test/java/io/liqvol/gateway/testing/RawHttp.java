package io.liqvol.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP as bytes on a plain socket, for what a well-behaved client library would never send: bad percent-encoding,
 * any method, headers that arrive slowly, a Host of the test's choosing.
 */
public final class RawHttp implements AutoCloseable
{
    private final Socket socket;

    private RawHttp(final Socket socket)
    {
        this.socket = socket;
    }

    public static RawHttp connect(final int port) throws IOException
    {
        final Socket socket = new Socket();
        socket.setSoTimeout(20_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return new RawHttp(socket);
    }

    /**
     * One request that asks the server to close ({@code Connection: close}) after answering: everything it sent.
     * {@code headers} are extra lines, each ending with CRLF.
     */
    public static String exchange(final int port, final String method, final String target, final String headers)
        throws IOException
    {
        try (RawHttp http = connect(port))
        {
            http.send(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + headers
                + "Connection: close\r\n\r\n");
            return http.readToEnd();
        }
    }

    public void send(final String text) throws IOException
    {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    public InputStream input() throws IOException
    {
        return socket.getInputStream();
    }

    /** Everything until the server closes the connection. */
    public String readToEnd() throws IOException
    {
        final InputStream in = socket.getInputStream();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final byte[] chunk = new byte[4096];
        int read;
        while ((read = in.read(chunk)) >= 0)
        {
            received.write(chunk, 0, read);
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    /** The status code of a response's first line. */
    public static int status(final String response)
    {
        return Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
    }

    /** What follows the headers. */
    public static String body(final String response)
    {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    /** A header's value (the first with that name, ignoring case), or null. */
    public static String header(final String response, final String name)
    {
        for (final String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n"))
        {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
            {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    /** The body of the next response on a connection, of a {@code Content-Length} or chunked, as bytes. */
    public static byte[] readBody(final InputStream in) throws IOException
    {
        final String head = readLine(in, "\r\n\r\n");
        final String length = header(head, "Content-Length");
        if (length != null)
        {
            return in.readNBytes(Integer.parseInt(length));
        }
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true)
        {
            final int size = Integer.parseInt(readLine(in, "\r\n").trim(), 16);
            if (size == 0)
            {
                readLine(in, "\r\n");
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in, "\r\n");
        }
    }

    /** Everything up to and including {@code end}. */
    private static String readLine(final InputStream in, final String end) throws IOException
    {
        final StringBuilder line = new StringBuilder();
        while (line.indexOf(end) < 0)
        {
            final int b = in.read();
            if (b < 0)
            {
                throw new IOException("closed after " + line);
            }
            line.append((char)b);
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
