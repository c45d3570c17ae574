package io.liqvol.gateway.server;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * What other components report in {@code /health} (upstream state, journal), written into its object: first its
 * {@code status}, {@code ok} or {@code degraded}, from the same reading as the fields that follow.
 */
@FunctionalInterface
public interface HealthReport
{
    void writeFields(JsonGenerator json) throws IOException;
}
