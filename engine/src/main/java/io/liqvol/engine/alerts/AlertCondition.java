package io.liqvol.engine.alerts;

/** What a rule watches: one liquidation, a bucket's value, or a bucket's value against its recent baseline. */
public enum AlertCondition
{
    LIQUIDATION("liquidation"),
    BUCKET("bucket"),
    UNUSUAL_VOLUME("unusual_volume");

    private final String code;

    AlertCondition(final String code)
    {
        this.code = code;
    }

    public String code()
    {
        return code;
    }

    /** The condition of this code, or null. */
    public static AlertCondition fromCode(final String code)
    {
        return Codes.find(values(), AlertCondition::code, code);
    }
}
