/**
 * The gateway's alerts (docs/API.md §7): {@code Alerts} assembles the durable {@code RuleStore} (written through
 * {@code AtomicFile}, read and written as {@code RuleJson}), the engine library's evaluator, the durable
 * {@code EventLog} of {@code EventJson} lines and the {@code Webhooks}; {@code AlertsConfig} holds their settings and
 * {@code AlertsHealth} adds them to {@code /health}.
 */
package io.liqvol.gateway.alerts;
