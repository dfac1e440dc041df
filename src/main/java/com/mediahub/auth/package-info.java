/**
 * Authentication: who the caller is (Basic or Bearer) and the token pair life cycle.
 * {@code boundary} holds the HTTP endpoints, {@code control} the logic, {@code entity} the
 * refresh-token table.
 */
package com.mediahub.auth;
