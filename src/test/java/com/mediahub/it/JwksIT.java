package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** In the default HS256 mode there is no public key to publish: a clear JSON 404, no credentials needed. */
class JwksIT extends DeployedWar {

    @Test
    void hs256ModePublishesNoKeys() {
        Reply reply = api.get("/.well-known/jwks.json", null)
                .expectError(404, "No public keys: this server signs tokens with HS256 (a shared secret)");
        assertEquals("application/json", reply.header("Content-Type").split(";")[0], reply.body());
        api.get("/.well-known/jwks.json", "Bearer not-a-token")
                .expectError(404, "No public keys: this server signs tokens with HS256 (a shared secret)");
    }
}
