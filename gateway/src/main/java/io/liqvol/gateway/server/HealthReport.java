package io.liqvol.gateway.server;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** Fields that other components add to {@code /health} (upstream state, journal), written into its object. */
@FunctionalInterface
public interface HealthReport
{
    void writeFields(JsonGenerator json) throws IOException;
}
