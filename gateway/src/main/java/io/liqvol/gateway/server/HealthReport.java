package io.liqvol.gateway.server;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;

/** What other components add to {@code /health} (upstream state, journal): why it is degraded, and their fields. */
public interface HealthReport
{
    /** Why the service cannot be relied on now (such as {@code upstream_disconnected}); empty when it is ok. */
    List<String> degradedReasons();

    /** Why no traffic should be sent here now (the upstream not subscribed, the journal unwritable); empty if ready. */
    List<String> notReadyReasons();

    /** Why the process should be restarted (a stage thread stuck); empty while it is alive. */
    List<String> notLiveReasons();

    void writeFields(JsonGenerator json) throws IOException;
}
