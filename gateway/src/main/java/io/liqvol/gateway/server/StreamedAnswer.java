package io.liqvol.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.Future;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One REST answer produced a chunk at a time on the query threads. An answer that fits in its first chunk goes out
 * whole with a {@code Content-Length}, as every answer did before; a longer one as HTTP/1.1 chunked transfer, each
 * chunk produced in a step of its own on the {@link QueryScheduler} (so other queries take turns with it) and only
 * while fewer than {@link #MAX_CHUNKS_IN_FLIGHT} chunks wait for the socket: a client that reads slowly holds at most
 * that many chunks of server memory, and no query thread. The query's price is held until the last chunk is written,
 * the client goes away (the next step stops producing), or production fails (the connection is closed, so the
 * client sees the answer cut short rather than complete).
 */
final class StreamedAnswer
{
    /** A chunk is cut once it holds this many bytes. */
    static final int CHUNK_BYTES = 32 * 1024;
    static final int MAX_CHUNKS_IN_FLIGHT = 2;
    /** The most pieces of a body one step asks for, so that a body which finds little does not keep a thread. */
    static final int MAX_PIECES_PER_STEP = 64;

    private static final System.Logger LOG = System.getLogger(StreamedAnswer.class.getName());

    /** An answer's body, produced in pieces. */
    @FunctionalInterface
    interface Body
    {
        /**
         * Appends the next piece to {@code out} and says whether more follows; throws {@link ApiException} (before its
         * first piece) for a request it cannot answer.
         */
        boolean appendTo(ByteBuf out) throws IOException;
    }

    /** What the answer is: its content type, the file name it is offered under (null: none), whether only its head. */
    record Head(String contentType, String attachment, boolean headOnly)
    {
    }

    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private final Head head;
    private final Body body;
    private final GatewayMetrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean waiting = new AtomicBoolean();
    private volatile boolean failed;
    /** Query threads only, one step at a time (the scheduler hands the ticket over under its lock). */
    private boolean started;
    private volatile QueryScheduler.Ticket ticket;

    StreamedAnswer(final ChannelHandlerContext ctx, final boolean keepAlive, final Head head, final Body body,
        final GatewayMetrics metrics)
    {
        this.ctx = ctx;
        this.keepAlive = keepAlive;
        this.head = head;
        this.body = body;
        this.metrics = metrics;
    }

    /** Produces and writes the next chunk. A {@link QueryScheduler.Query}: a query thread. */
    void step(final QueryScheduler.Ticket admitted)
    {
        ticket = admitted;
        if (failed || !ctx.channel().isActive())
        {
            ticket.release();
            return;
        }
        final ByteBuf chunk = ctx.alloc().buffer(CHUNK_BYTES + CHUNK_BYTES / 2);
        final boolean more;
        try
        {
            more = fill(chunk);
        }
        catch (final ApiException e)
        {
            chunk.release();
            fail(started ? null : HttpResponses.error(ctx, keepAlive, e));
            return;
        }
        catch (final IOException | RuntimeException e)
        {
            chunk.release();
            LOG.log(System.Logger.Level.WARNING, "a history query failed", e);
            fail(started ? null : HttpResponses.error(ctx, false, HttpResponseStatus.INTERNAL_SERVER_ERROR,
                "internal_error", "the query failed"));
            return;
        }
        if (!started)
        {
            started = true;
            if (!more)
            {
                final FullHttpResponse whole = HttpResponses.response(HttpResponseStatus.OK, head.contentType(), chunk);
                describe(whole);
                HttpResponses.send(ctx, keepAlive, whole).addListener(done -> ticket.release());
                return;
            }
            final HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, head.contentType()).set("X-Content-Type-Options",
                "nosniff");
            describe(response);
            HttpUtil.setTransferEncodingChunked(response, true);
            HttpResponses.connectionHeader(response, keepAlive);
            ctx.write(response);
            if (head.headOnly())
            {
                chunk.release();
                end(LastHttpContent.EMPTY_LAST_CONTENT);
                return;
            }
        }
        if (!more)
        {
            end(new DefaultLastHttpContent(chunk));
            return;
        }
        if (!chunk.isReadable())
        {
            // the body read without finding anything to send: another turn, so that other queries get theirs
            chunk.release();
            resume();
            return;
        }
        final int bytes = chunk.readableBytes();
        inFlight.incrementAndGet();
        metrics.add(GatewayMetrics.ANSWER_BYTES_QUEUED, bytes);
        ctx.writeAndFlush(new DefaultHttpContent(chunk)).addListener(done -> written(done, bytes));
        continueOrWait();
    }

    /**
     * Appends pieces until the chunk is full, the body complete or {@link #MAX_PIECES_PER_STEP} pieces were asked for
     * (a piece may append nothing); whether more follows.
     */
    private boolean fill(final ByteBuf chunk) throws IOException
    {
        boolean more = true;
        for (int pieces = 0; more && chunk.readableBytes() < CHUNK_BYTES && pieces < MAX_PIECES_PER_STEP; pieces++)
        {
            more = body.appendTo(chunk);
        }
        return more;
    }

    private void describe(final HttpResponse response)
    {
        if (head.attachment() != null)
        {
            response.headers().set(HttpHeaderNames.CONTENT_DISPOSITION,
                "attachment; filename=\"" + head.attachment() + "\"");
        }
    }

    /** The next step now, or once the socket has taken a chunk. */
    private void continueOrWait()
    {
        if (!mustWait())
        {
            resume();
            return;
        }
        waiting.set(true);
        // a chunk may have been written in between, its listener finding no one waiting
        if (!mustWait() && waiting.compareAndSet(true, false))
        {
            resume();
        }
    }

    private boolean mustWait()
    {
        final int chunks = inFlight.get();
        return chunks >= MAX_CHUNKS_IN_FLIGHT || chunks > 0 && !ctx.channel().isWritable();
    }

    /** A chunk reached the socket, or could not (the client went away): the event loop. */
    private void written(final Future<? super Void> done, final int bytes)
    {
        metrics.add(GatewayMetrics.ANSWER_BYTES_QUEUED, -bytes);
        inFlight.decrementAndGet();
        if (!done.isSuccess())
        {
            failed = true;
        }
        if (waiting.compareAndSet(true, false))
        {
            resume();
        }
    }

    private void resume()
    {
        if (!ticket.resume(this::step))
        {
            ticket.release();
            ctx.close();
        }
    }

    private void end(final LastHttpContent last)
    {
        HttpResponses.sendLast(ctx, keepAlive, last).addListener(done -> ticket.release());
    }

    /**
     * Gives the price back once the error answer is written ({@code answered}); after the head was written there is
     * none, and the connection is closed, so that the client sees the answer cut short.
     */
    private void fail(final ChannelFuture answered)
    {
        (answered != null ? answered : ctx.close()).addListener(done -> ticket.release());
    }
}
