package io.liqvol.gateway.alerts;

import io.liqvol.engine.InvalidSettingException;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The alerts' settings (docs/API.md §5): where their files live, the hosts webhooks may go to, how long events are
 * kept, and how webhooks are delivered.
 */
public record AlertsConfig(
    Path directory,
    List<String> webhookHosts,
    long retentionMs,
    long webhookTimeoutMs,
    int webhookQueueBound,
    int webhookMaxAttempts,
    long webhookFirstBackoffMs,
    long webhookMaxBackoffMs,
    int recentOnConnect)
{
    public static final long DEFAULT_RETENTION_MS = 30L * 86_400_000L;
    public static final long DEFAULT_WEBHOOK_TIMEOUT_MS = 5_000;
    public static final int DEFAULT_WEBHOOK_QUEUE = 1_000;
    public static final int DEFAULT_WEBHOOK_ATTEMPTS = 6;
    public static final long DEFAULT_FIRST_BACKOFF_MS = 500;
    public static final long DEFAULT_MAX_BACKOFF_MS = 30_000;
    public static final int DEFAULT_RECENT_ON_CONNECT = 50;
    private static final Pattern HOST = Pattern.compile("\\*|[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

    public AlertsConfig
    {
        webhookHosts = List.copyOf(webhookHosts);
        for (final String host : webhookHosts)
        {
            if (!HOST.matcher(host).matches())
            {
                throw new InvalidSettingException("alertWebhookHosts", "must be host names or *, was " + host);
            }
        }
        if (retentionMs < 0)
        {
            throw new InvalidSettingException("alertRetentionMs", "must be >= 0, was " + retentionMs);
        }
        if (webhookTimeoutMs < 100 || webhookTimeoutMs > 600_000)
        {
            throw new InvalidSettingException("alertWebhookTimeoutMs",
                "must be in [100, 600000], was " + webhookTimeoutMs);
        }
        if (webhookQueueBound < 1 || webhookMaxAttempts < 1 || webhookFirstBackoffMs < 1
            || webhookMaxBackoffMs < webhookFirstBackoffMs || recentOnConnect < 0)
        {
            throw new InvalidSettingException("alerts", "has an invalid delivery setting");
        }
    }

    /** The defaults, with files in {@code dataDir/alerts}. */
    public static AlertsConfig of(final Path dataDir, final List<String> webhookHosts, final long retentionMs,
        final long webhookTimeoutMs)
    {
        return new AlertsConfig(dataDir.resolve("alerts"), webhookHosts, retentionMs, webhookTimeoutMs,
            DEFAULT_WEBHOOK_QUEUE, DEFAULT_WEBHOOK_ATTEMPTS, DEFAULT_FIRST_BACKOFF_MS, DEFAULT_MAX_BACKOFF_MS,
            DEFAULT_RECENT_ON_CONNECT);
    }

    /** Whether a webhook may go to this URL: http(s) to a host of the allow-list ({@code *}: any). */
    public boolean allowsWebhook(final String url)
    {
        final URI uri;
        try
        {
            uri = new URI(url);
        }
        catch (final java.net.URISyntaxException e)
        {
            return false;
        }
        final String host = uri.getHost();
        if (host == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())))
        {
            return false;
        }
        for (final String allowed : webhookHosts)
        {
            if (allowed.equals("*") || allowed.equalsIgnoreCase(host))
            {
                return true;
            }
        }
        return false;
    }
}
