package io.liqvol.engine;

/** Why a frame, or a liquidation in it, was not accepted. Each has its own counter. */
public enum RejectReason
{
    MALFORMED_JSON("malformed_json"),
    OVERSIZED_FRAME("oversized_frame"),
    MISSING_FIELD("missing_field"),
    INVALID_NUMBER("invalid_number"),
    NON_POSITIVE("non_positive"),
    OVERFLOW("overflow"),
    TOO_PRECISE("too_precise"),
    INVALID_SIDE("invalid_side"),
    INVALID_SYMBOL("invalid_symbol"),
    ABSURD_TIMESTAMP("absurd_timestamp"),
    TOO_MANY_IN_FRAME("too_many_in_frame"),
    SYMBOL_TABLE_FULL("symbol_table_full"),
    SYMBOL_MEMORY_BUDGET("symbol_memory_budget"),
    /** A venue's instrument the engine was not told of ({@link LiqvolEngine#registerInstrument}). */
    UNKNOWN_INSTRUMENT("unknown_instrument");

    private static final RejectReason[] VALUES = values();

    private final String label;

    RejectReason(final String label)
    {
        this.label = label;
    }

    /** A stable snake_case name for metrics and logs. */
    public String label()
    {
        return label;
    }

    public static RejectReason fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
