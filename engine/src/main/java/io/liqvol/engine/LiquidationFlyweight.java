package io.liqvol.engine;

/** The {@link LiquidationView} the publisher moves over the liquidations of ring events. */
final class LiquidationFlyweight implements LiquidationView
{
    private final SymbolTable symbols;
    private FrameEvent event;
    private int index;
    private long sequence;

    LiquidationFlyweight(final SymbolTable symbols)
    {
        this.symbols = symbols;
    }

    LiquidationFlyweight wrap(final FrameEvent event, final int index, final long sequence)
    {
        this.event = event;
        this.index = index;
        this.sequence = sequence;
        return this;
    }

    @Override
    public long sequence()
    {
        return sequence;
    }

    @Override
    public Venue venue()
    {
        return Venue.fromOrdinal(event.venue[index]);
    }

    @Override
    public int symbolId()
    {
        return event.symbolId[index];
    }

    @Override
    public String symbol()
    {
        return symbols.nameOf(event.symbolId[index]);
    }

    @Override
    public Side side()
    {
        return Side.fromOrdinal(event.side[index]);
    }

    @Override
    public long quantityE8()
    {
        return event.quantityE8[index];
    }

    @Override
    public long priceE8()
    {
        return event.priceE8[index];
    }

    @Override
    public long tradeTimeMs()
    {
        return event.tradeTimeMs[index];
    }

    @Override
    public long eventTimeMs()
    {
        return event.eventTimeMs[index];
    }

    @Override
    public long receiveTimeNs()
    {
        return event.receiveTimeNs;
    }

    @Override
    public LiquidationSnapshot toSnapshot()
    {
        return Liquidations.snapshot(
            venue(), symbol(), event.side[index], event.quantityE8[index], event.priceE8[index],
            event.tradeTimeMs[index], event.eventTimeMs[index]);
    }
}
