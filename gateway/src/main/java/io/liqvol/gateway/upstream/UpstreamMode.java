package io.liqvol.gateway.upstream;

import io.liqvol.engine.InvalidSettingException;

/** Which forceOrder streams the upstream subscribes to. */
public enum UpstreamMode
{
    /** {@code !forceOrder@arr}: every symbol is recorded, whoever watches. */
    ALL_MARKET("all-market"),
    /** {@code <symbol>@forceOrder} while at least one client watches the symbol (reference counted). */
    PER_SYMBOL("per-symbol");

    private final String code;

    UpstreamMode(final String code)
    {
        this.code = code;
    }

    /** The configuration's name: {@code all-market} or {@code per-symbol}. */
    public String code()
    {
        return code;
    }

    /** The mode with that configuration name; refused as the {@code mode} setting otherwise. */
    public static UpstreamMode named(final String code)
    {
        for (final UpstreamMode mode : values())
        {
            if (mode.code.equals(code))
            {
                return mode;
            }
        }
        throw new InvalidSettingException("mode", "must be all-market or per-symbol, was " + code);
    }
}
