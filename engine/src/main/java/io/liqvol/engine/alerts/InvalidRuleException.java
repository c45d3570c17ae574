package io.liqvol.engine.alerts;

/** A rule that cannot be accepted; {@link #field()} names the field at fault. */
public final class InvalidRuleException extends IllegalArgumentException
{
    private final String field;

    public InvalidRuleException(final String field, final String problem)
    {
        super(field + " " + problem);
        this.field = field;
    }

    public String field()
    {
        return field;
    }
}
