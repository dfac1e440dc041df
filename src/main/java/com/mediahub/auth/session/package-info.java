/** Sessions: the token endpoints, rotation of refresh tokens, listing and revoking sessions, clean-up. */
package com.mediahub.auth.session;
