package com.mediahub.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files that hold secrets: through a temporary file in the same directory, made owner-only
 * (0600) before anything is written to it, then moved into place atomically, so a reader never
 * sees half a file and the secret is never readable by others, not even for a moment.
 */
public final class PrivateFiles {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Replaces (or creates) {@code path}; an existing file keeps its mode, a new one gets 0600. */
    public static void write(Path path, String text) throws IOException {
        boolean exists = Files.exists(path);
        Path directory = path.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, "." + path.getFileName() + ".", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, exists ? Files.getPosixFilePermissions(path) : OWNER_ONLY);
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
