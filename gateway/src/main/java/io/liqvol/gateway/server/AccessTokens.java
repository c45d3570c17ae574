package io.liqvol.gateway.server;

import io.liqvol.engine.InvalidSettingException;
import io.netty.util.AttributeKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The API tokens a client may present (docs/API.md §5): one from {@code --api-token} and those of
 * {@code --api-tokens-file}, one a line, {@code #} comments and blank lines ignored. The file is read again by
 * {@link #reload()}; a file that cannot be read then holds no token (fail closed). With neither setting, no token
 * is required. Compared in constant time against every token, so an answer does not tell which exist.
 */
final class AccessTokens
{
    /** The token a WebSocket stream was opened with, while tokens are required: checked again on every reload. */
    static final AttributeKey<String> CHANNEL_TOKEN = AttributeKey.valueOf("liqvol.token");
    /** Characters a subprotocol name may carry, so that {@code liqvol.token.<token>} is one. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]{16,256}");

    private final String single;
    private final Path file;
    private volatile List<byte[]> tokens;

    AccessTokens(final String single, final Path file)
    {
        this.single = single == null || single.isEmpty() ? null : requireValid(single, "apiToken");
        this.file = file;
        this.tokens = read(true);
    }

    /** Whether clients must present a token. */
    boolean required()
    {
        return single != null || file != null;
    }

    /** Reads the file again; true when the tokens changed. */
    boolean reload()
    {
        final List<byte[]> next = read(false);
        final boolean changed = !sameTokens(tokens, next);
        tokens = next;
        return changed;
    }

    /** Whether {@code presented} (may be null) is a current token, or none is required. */
    boolean accepts(final String presented)
    {
        if (!required())
        {
            return true;
        }
        if (presented == null)
        {
            return false;
        }
        final byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (final byte[] token : tokens)
        {
            found |= MessageDigest.isEqual(token, bytes);
        }
        return found;
    }

    private List<byte[]> read(final boolean atStart)
    {
        final List<byte[]> read = new ArrayList<>();
        if (single != null)
        {
            read.add(single.getBytes(StandardCharsets.UTF_8));
        }
        if (file == null)
        {
            return read;
        }
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            if (atStart)
            {
                throw new InvalidSettingException("apiTokensFile", "cannot be read: " + file);
            }
            return read;
        }
        for (final String line : lines)
        {
            final String token = line.strip();
            if (token.isEmpty() || token.startsWith("#"))
            {
                continue;
            }
            if (TOKEN.matcher(token).matches())
            {
                read.add(token.getBytes(StandardCharsets.UTF_8));
            }
            else if (atStart)
            {
                throw invalid("apiTokensFile");
            }
        }
        return List.copyOf(read);
    }

    private static boolean sameTokens(final List<byte[]> a, final List<byte[]> b)
    {
        if (a.size() != b.size())
        {
            return false;
        }
        for (int i = 0; i < a.size(); i++)
        {
            if (!MessageDigest.isEqual(a.get(i), b.get(i)))
            {
                return false;
            }
        }
        return true;
    }

    private static String requireValid(final String token, final String setting)
    {
        if (!TOKEN.matcher(token).matches())
        {
            throw invalid(setting);
        }
        return token;
    }

    private static InvalidSettingException invalid(final String setting)
    {
        return new InvalidSettingException(setting,
            "a token is 16 to 256 characters of A-Z a-z 0-9 . _ ~ - (the value is not shown)");
    }
}
