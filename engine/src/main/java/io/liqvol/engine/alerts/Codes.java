package io.liqvol.engine.alerts;

import java.util.function.Function;

/** Finds a constant by the code the API names it with. */
final class Codes
{
    private Codes()
    {
    }

    /** The constant whose code is {@code wanted}, or null. */
    static <E extends Enum<E>> E find(final E[] values, final Function<E, String> code, final String wanted)
    {
        for (final E value : values)
        {
            if (code.apply(value).equals(wanted))
            {
                return value;
            }
        }
        return null;
    }
}
