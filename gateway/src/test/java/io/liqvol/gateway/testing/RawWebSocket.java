package io.liqvol.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client on a plain socket with a tiny receive buffer, which reads only when told to: a
 * client that lags as badly as a real slow one, with nothing in between that would buffer for it.
 */
public final class RawWebSocket implements AutoCloseable
{
    /** A frame as received: opcode and payload. */
    public record Frame(int opcode, byte[] payload)
    {
        public String text()
        {
            return new String(payload, StandardCharsets.UTF_8);
        }

        public int closeStatus()
        {
            return (payload[0] & 0xff) << 8 | payload[1] & 0xff;
        }

        public String closeReason()
        {
            return new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    public static final int OPCODE_CLOSE = 8;

    private final Socket socket;
    private final DataInputStream in;

    private RawWebSocket(final Socket socket) throws IOException
    {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    public static RawWebSocket connect(final int port, final String path, final int receiveBufferBytes)
        throws IOException
    {
        final Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBufferBytes);
        socket.setSoTimeout(20_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        final OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        final RawWebSocket client = new RawWebSocket(socket);
        final String response = client.readHeaders();
        if (!response.startsWith("HTTP/1.1 101"))
        {
            socket.close();
            throw new IOException("upgrade refused: " + response);
        }
        return client;
    }

    public Frame read() throws IOException
    {
        final int first = in.readUnsignedByte();
        final int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126)
        {
            length = in.readUnsignedShort();
        }
        else if (length == 127)
        {
            length = in.readLong();
        }
        final byte[] payload = new byte[(int)length];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    private String readHeaders() throws IOException
    {
        final ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4)
        {
            final int b = in.readUnsignedByte();
            headers.write(b);
            matched = (b == '\r' || b == '\n') && (matched % 2 == 0) == (b == '\r') ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
