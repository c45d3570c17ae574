package io.liqvol.engine;

/**
 * Layout of a symbol's ring of recent liquidations in {@link RecentLiquidations}: a header holding how many were
 * ever appended, then {@code capacity} entries; entry {@code n} lives at slot {@code n mod capacity}.
 * <pre>
 *  header: | appendedCount (8) |
 *  entry:  | version (8) | ordinal (8) | venue, side (8) | quantityE8 (8) | priceE8 (8) | tradeTimeMs (8) |
 *          | eventTimeMs (8) |
 * </pre>
 * {@code venue, side} is the venue's ordinal shifted left by one, or'd with the side's ordinal.
 * {@code version} is a sequence lock (odd while written); {@code ordinal} tells a reader whether the slot still
 * holds the entry it wants or was overwritten by a newer one.
 */
final class RecentLiquidationsDescriptor
{
    static final int APPENDED_COUNT_OFFSET = 0;
    static final int HEADER_LENGTH = 8;

    static final int VERSION_OFFSET = 0;
    static final int ORDINAL_OFFSET = 8;
    static final int SIDE_OFFSET = 16;
    static final int QUANTITY_OFFSET = 24;
    static final int PRICE_OFFSET = 32;
    static final int TRADE_TIME_OFFSET = 40;
    static final int EVENT_TIME_OFFSET = 48;
    static final int ENTRY_LENGTH = 56;

    private RecentLiquidationsDescriptor()
    {
    }
}
