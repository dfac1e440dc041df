/**
 * Cookie mode for browsers: the HttpOnly access and refresh cookies with their prefixes and
 * paths, and the double-submit CSRF value. Used by the token endpoints (to set them) and the
 * mechanism (to read them); knows nothing of how tokens are made.
 */
package com.mediahub.auth.cookie;
