/**
 * Alert rules evaluated off the publisher's critical path: {@code AlertListener} copies what the engine publishes
 * into {@code AlertQueue}, a bounded single-producer ring; {@code AlertEvaluator} drains it on its own thread against
 * {@code AlertRule}s ({@code RuleSet}, {@code RuleState}), with unusual-volume baselines ({@code Baseline}) taken
 * from the engine's history ({@code BaselineHistory}, {@code VolumeSource}), and hands {@code AlertEvent}s to an
 * {@code AlertSink}.
 */
package io.liqvol.engine.alerts;
