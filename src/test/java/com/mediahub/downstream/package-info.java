/**
 * A tiny downstream service that trusts our access tokens the standard way, for the tests only:
 * MicroProfile JWT ({@code @LoginConfig(authMethod = "MP-JWT")}) with
 * {@code mp.jwt.verify.publickey.location} pointing at our JWKS. {@code DownstreamVerificationIT}
 * packs these classes into a WAR and deploys it on a second Payara Micro; nothing here ships.
 */
package com.mediahub.downstream;
