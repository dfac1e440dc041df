/**
 * The signing key or secret: HS256 secret or ES256/RS256 key pair, from a property, the
 * environment, config.toml or generated at first start; key ids (RFC 7638); the keys that still
 * verify during a rotation; chosen once at startup.
 */
package com.mediahub.auth.token.keys;
