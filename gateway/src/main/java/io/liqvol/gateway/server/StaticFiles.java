package io.liqvol.gateway.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web page's files, served from the classpath under {@code static/}. Only plain relative names are
 * accepted (no {@code ..}, no encoded separators, no hidden files), so nothing outside that folder can be
 * reached. Found files are cached with a strong ETag.
 */
final class StaticFiles
{
    /** A file ready to send. */
    record StaticFile(byte[] content, String etag, String contentType, boolean immutable)
    {
    }

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
        Map.entry("html", "text/html; charset=utf-8"),
        Map.entry("js", "text/javascript; charset=utf-8"),
        Map.entry("mjs", "text/javascript; charset=utf-8"),
        Map.entry("css", "text/css; charset=utf-8"),
        Map.entry("json", "application/json; charset=utf-8"),
        Map.entry("map", "application/json; charset=utf-8"),
        Map.entry("svg", "image/svg+xml"),
        Map.entry("png", "image/png"),
        Map.entry("ico", "image/x-icon"),
        Map.entry("txt", "text/plain; charset=utf-8"),
        Map.entry("woff2", "font/woff2"));
    private static final int MAX_PATH_LENGTH = 256;

    private final String root;
    private final ClassLoader loader;
    private final ConcurrentHashMap<String, StaticFile> cache = new ConcurrentHashMap<>();

    StaticFiles(final String root, final ClassLoader loader)
    {
        this.root = root.endsWith("/") ? root : root + "/";
        this.loader = loader;
    }

    /** The file for a decoded request path such as {@code /} or {@code /assets/app.js}, or null. */
    StaticFile find(final String requestPath)
    {
        final String name = "/".equals(requestPath) ? "index.html" : requestPath.substring(1);
        if (!isSafe(name))
        {
            return null;
        }
        final StaticFile cached = cache.get(name);
        if (cached != null)
        {
            return cached;
        }
        final StaticFile loaded = load(name);
        if (loaded != null)
        {
            cache.put(name, loaded);
        }
        return loaded;
    }

    static boolean isSafe(final String name)
    {
        if (name.isEmpty() || name.length() > MAX_PATH_LENGTH || name.endsWith("/"))
        {
            return false;
        }
        for (final String segment : name.split("/", -1))
        {
            if (segment.isEmpty() || segment.startsWith("."))
            {
                return false;
            }
            for (int i = 0; i < segment.length(); i++)
            {
                final char c = segment.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                    || c == '_'))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private StaticFile load(final String name)
    {
        final int dot = name.lastIndexOf('.');
        final String contentType = dot < 0 ? null : CONTENT_TYPES.get(name.substring(dot + 1));
        if (contentType == null)
        {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(root + name))
        {
            if (in == null)
            {
                return null;
            }
            final byte[] content = in.readAllBytes();
            return new StaticFile(content, etag(content), contentType, name.startsWith("assets/"));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(final byte[] content)
    {
        try
        {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException(e);
        }
    }
}
