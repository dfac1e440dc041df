/**
 * Operator metrics: counters of security events, a latency histogram of the token endpoints and
 * gauges of live sessions, served in the Prometheus text format at {@code GET /api/metrics}.
 */
package com.mediahub.metrics;
