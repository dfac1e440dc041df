/**
 * The security audit: every security event as an {@link com.mediahub.audit.AuditEvent}, one log
 * line per event (and the optional audit file), fired as a CDI event for whoever counts them
 * (metrics). Ids only: never a username of a failed attempt, a token, a hash or a password.
 */
package com.mediahub.audit;
