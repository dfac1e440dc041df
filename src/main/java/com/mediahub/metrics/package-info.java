/**
 * Operator metrics through the Prometheus client library: counters of audit events (observed as
 * CDI events), a latency histogram of the routes marked {@code @TimedEndpoint}, and gauges of
 * live sessions, served in the Prometheus text format at {@code GET /api/metrics}.
 */
package com.mediahub.metrics;
