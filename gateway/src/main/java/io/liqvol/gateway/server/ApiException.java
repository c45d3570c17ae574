package io.liqvol.gateway.server;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A client error of the contract: a stable {@code code}, a readable message, and the HTTP status it maps
 * to (WebSocket streams answer it with an error message and close 1008). Cold path only.
 */
public final class ApiException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String code;
    private final HttpResponseStatus status;

    public ApiException(final HttpResponseStatus status, final String code, final String message)
    {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
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
}
