/** {@code GET /api/metrics} in the Prometheus text exposition format. */
package com.mediahub.metrics.boundary;
