package io.liqvol.gateway.upstream;

import io.liqvol.engine.Venue;

/**
 * Learns a venue's instruments before any of their liquidations arrive: the venue's symbol, the canonical symbol
 * that links venues ({@code BTCUSDT}) and the base quantity of one contract in E8 (exact; 1.0 where the venue
 * quotes base quantities). To be wired to the engine's {@code registerInstrument}.
 */
@FunctionalInterface
public interface InstrumentSink
{
    void registerInstrument(Venue venue, String venueSymbol, String canonicalSymbol, long contractSizeE8);
}
