package com.mediahub.it;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * An independent, non-Java verifier: Node.js with the npm {@code jose} library, installed from the
 * npm registry by {@code npm ci} from src/test/node/jwks-verify (package-lock.json pins it) into
 * a copy under target/.
 */
final class NodeJose {

    private final NpmPackage jose = new NpmPackage("jwks-verify", List.of("package.json", "package-lock.json", "verify.mjs"),
            "node_modules/jose");

    /** What verify.mjs printed: {@code {"ok": true, "upn": ...}} or {@code {"ok": false, "code": ...}}. */
    JsonObject verify(String jwksUrl, String token, String issuer, String audience) {
        String output = jose.run(List.of("node", "verify.mjs", jwksUrl, token, issuer, audience)).strip();
        String lastLine = output.substring(output.lastIndexOf('\n') + 1);
        return Json.createReader(new java.io.StringReader(lastLine)).readObject();
    }
}
