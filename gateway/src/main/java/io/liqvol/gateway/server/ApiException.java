package io.liqvol.gateway.server;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A client error of the contract: a stable {@code code}, a readable message, and the HTTP status it maps
 * to (WebSocket streams answer it with an error message and close 1008, unless it is a refusal for now, one with
 * a {@link #retryAfterSeconds()}). Cold path only.
 */
public final class ApiException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String code;
    private final HttpResponseStatus status;
    private final int retryAfterSeconds;

    public ApiException(final HttpResponseStatus status, final String code, final String message)
    {
        this(status, code, message, 0);
    }

    private ApiException(
        final HttpResponseStatus status, final String code, final String message, final int retryAfterSeconds)
    {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A refusal for now (a budget is spent): answered with {@code Retry-After}; a stream stays open. */
    public static ApiException retryLater(
        final HttpResponseStatus status, final String code, final String message, final int retryAfterSeconds)
    {
        return new ApiException(status, code, message, retryAfterSeconds);
    }

    public static ApiException badRequest(final String code, final String message)
    {
        return new ApiException(HttpResponseStatus.BAD_REQUEST, code, message);
    }

    public static ApiException unknownSymbol(final String symbol)
    {
        return new ApiException(HttpResponseStatus.NOT_FOUND, "unknown_symbol", "unknown symbol: " + symbol);
    }

    public String code()
    {
        return code;
    }

    public HttpResponseStatus status()
    {
        return status;
    }

    /** Seconds after which the request may succeed; 0 when repeating it cannot help. */
    public int retryAfterSeconds()
    {
        return retryAfterSeconds;
    }
}
