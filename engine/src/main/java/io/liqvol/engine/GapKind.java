package io.liqvol.engine;

/** Why an interval was not recorded (docs/API.md §4.5); the code is what the contract shows. */
public enum GapKind
{
    /** No live upstream connection. */
    UPSTREAM("upstream"),
    /** Liquidations were published but could not be journaled (a full disk). */
    JOURNAL("journal"),
    /** No engine ran: from the last moment the previous run was alive to this run's start. */
    DOWNTIME("downtime");

    private static final GapKind[] BY_CODE = values();

    private final String code;

    GapKind(final String code)
    {
        this.code = code;
    }

    public String code()
    {
        return code;
    }

    /** The kind stored as {@code ordinal}; an unknown number (a newer writer) reads as upstream. */
    public static GapKind fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < BY_CODE.length ? BY_CODE[ordinal] : UPSTREAM;
    }
}
