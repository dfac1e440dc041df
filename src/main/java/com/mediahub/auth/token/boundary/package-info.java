/** {@code /.well-known/jwks.json}: the public keys that verify our access tokens. */
package com.mediahub.auth.token.boundary;
