/**
 * The database aggregate: {@code databases} and their {@code entries}, and its JPA repository.
 *
 * <p>Repositories are {@code @Transactional}: every database access runs in a JTA transaction
 * (the caller's, or one of its own). Outside a transaction EclipseLink retries a failed read
 * after 5-second pauses, which turned a database outage into 10-second hangs instead of a
 * prompt 503.
 */
package com.mediahub.databases.entity;
