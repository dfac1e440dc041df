/** The counters (lock-free, one atomic add per event) and the request timer. */
package com.mediahub.metrics.control;
