package io.liqvol.engine.alerts;

/** Where fired alerts go; called on the evaluator's thread only. */
public interface AlertSink
{
    void onAlert(AlertEvent event);

    /** After the alerts of one drain of the queue: a moment to force what was written to the device. */
    default void onDrained()
    {
    }
}
