/**
 * The refresh-token allow-list: the {@code refresh_tokens} table (SHA-256 hashes only), the
 * remembered consumed tokens, and the one consuming statement (its SQL chosen per database).
 *
 * <p>Repositories are {@code @Transactional}: every database access runs in a JTA transaction
 * (the caller's, or one of its own). Outside a transaction EclipseLink retries a failed read
 * after 5-second pauses, which turned a database outage into 10-second hangs instead of a
 * prompt 503. The one exception is {@link com.mediahub.auth.session.entity.JdbcRefreshTokenRotation}:
 * one atomic statement over plain JDBC, auto-committed, that never retries (ADR 0022).
 */
package com.mediahub.auth.session.entity;
