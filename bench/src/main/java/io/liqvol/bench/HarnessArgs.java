package io.liqvol.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} arguments of a harness, each with a default. */
final class HarnessArgs
{
    private final Map<String, String> values = new HashMap<>();

    HarnessArgs(final String[] args)
    {
        for (int i = 0; i < args.length; i++)
        {
            if (!args[i].startsWith("--") || i + 1 >= args.length)
            {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    String text(final String name, final String defaultValue)
    {
        return values.getOrDefault(name, defaultValue);
    }

    long number(final String name, final long defaultValue)
    {
        final String value = values.get(name);
        return value == null ? defaultValue : Long.parseLong(value.replace("_", ""));
    }

    int integer(final String name, final int defaultValue)
    {
        return Math.toIntExact(number(name, defaultValue));
    }
}
