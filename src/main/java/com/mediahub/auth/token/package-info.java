/** Access tokens: signing and verification, the caches that spare work per request, and the signing keys. */
package com.mediahub.auth.token;
