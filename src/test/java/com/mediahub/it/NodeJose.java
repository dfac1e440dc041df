package com.mediahub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * An independent, non-Java verifier: Node.js with the npm {@code jose} library, installed from the
 * npm registry by {@code npm ci} from src/test/node/jwks-verify (package-lock.json pins it) into
 * a copy under target/.
 */
final class NodeJose {

    private final Path directory = ItEnvironment.target().resolve("node/jwks-verify");

    NodeJose() {
        Path source = ItEnvironment.basedir().resolve("src/test/node/jwks-verify");
        try {
            Files.createDirectories(directory);
            for (String file : List.of("package.json", "package-lock.json", "verify.mjs")) {
                Files.copy(source.resolve(file), directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String output = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        if (!Files.isDirectory(directory.resolve("node_modules/jose"))) {
            throw new IllegalStateException("npm ci did not install jose: " + output);
        }
    }

    /** What verify.mjs printed: {@code {"ok": true, "upn": ...}} or {@code {"ok": false, "code": ...}}. */
    JsonObject verify(String jwksUrl, String token, String issuer, String audience) {
        String output = run(List.of("node", "verify.mjs", jwksUrl, token, issuer, audience)).strip();
        String lastLine = output.substring(output.lastIndexOf('\n') + 1);
        return Json.createReader(new java.io.StringReader(lastLine)).readObject();
    }

    private String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command + " (are Node.js and npm installed? see docs/testing.md)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
