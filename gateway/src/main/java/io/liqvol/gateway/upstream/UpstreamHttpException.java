package io.liqvol.gateway.upstream;

/** The exchange's REST API answered with an error status; the body is its JSON error, as sent. */
public final class UpstreamHttpException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String body;

    public UpstreamHttpException(final int status, final String body)
    {
        super("upstream answered HTTP " + status + ": " + body);
        this.status = status;
        this.body = body;
    }

    public int status()
    {
        return status;
    }

    public String body()
    {
        return body;
    }
}
