/**
 * The cluster drill of issue 20 (ClusterDrillIT): simulated clients that sign in, call with
 * Bearer, refresh and log out through HAProxy while instances and PostgreSQL fail, the record of
 * every request they made, and the report that checks those records against the database, the
 * audit files and the metrics.
 */
package com.mediahub.it.drill;
