package com.mediahub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test-only npm package of src/test/node/NAME, installed by {@code npm ci} (its
 * package-lock.json pins every version) into a copy under target/node/NAME.
 */
final class NpmPackage {

    private final Path directory;

    /** Copies the package's files and installs it; {@code installed} is a path that must exist afterwards. */
    NpmPackage(String name, List<String> files, String installed) {
        directory = ItEnvironment.target().resolve("node/" + name);
        Path source = ItEnvironment.basedir().resolve("src/test/node/" + name);
        try {
            Files.createDirectories(directory);
            for (String file : files) {
                Files.copy(source.resolve(file), directory.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String output = run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        if (!Files.exists(directory.resolve(installed))) {
            throw new IllegalStateException("npm ci did not install " + installed + ": " + output);
        }
    }

    Path resolve(String file) {
        return directory.resolve(file);
    }

    /** Runs a command in the package's directory; returns what it printed. */
    String run(List<String> command) {
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
