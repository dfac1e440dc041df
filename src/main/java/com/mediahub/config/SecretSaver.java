package com.mediahub.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Writes a generated secret back into config.toml (contract section 4). tomlj only parses, so
 * the text is edited: one {@code secret = "..."} line is inserted and every other line and
 * comment stays byte for byte. The result is re-parsed before it replaces the file, through a
 * temporary file in the same directory and an atomic rename. A new file gets mode 0600; an
 * existing file keeps its mode.
 */
public final class SecretSaver {

    private static final Pattern JWT_TABLE_HEADER = Pattern.compile("^\\s*\\[\\s*jwt\\s*]\\s*(#.*)?$");

    private SecretSaver() {
    }

    /** The file's new text: {@code text} with {@code secret} added to its {@code [jwt]} table. */
    public static String withSecret(String text, String secret) {
        String line = "secret = \"" + secret + "\"";
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        String[] lines = text.split("\\r?\\n", -1);
        StringBuilder out = new StringBuilder(text.length() + line.length() + 16);
        boolean inserted = false;
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append(newline);
            }
            if (!inserted && JWT_TABLE_HEADER.matcher(lines[i]).matches()) {
                if (i == lines.length - 1) {
                    out.append(newline);
                }
                out.append(line).append(newline);
                inserted = true;
            }
        }
        String result = out.toString();
        if (!inserted) {
            boolean needsNewline = !result.isEmpty() && !result.endsWith("\n");
            result = result + (needsNewline ? newline : "") + (result.isEmpty() ? "" : newline)
                    + "[jwt]" + newline + line + newline;
        }
        ConfigFile check = ConfigFile.parse(Path.of("config.toml"), result);
        if (!check.string("jwt.secret").filter(secret::equals).isPresent()) {
            // e.g. [jwt] written as an inline table or dotted keys: editing it by text is unsafe.
            throw new ConfigurationException("Cannot add the generated secret to the [jwt] table of this file; "
                    + "set [jwt] secret yourself or use FDB_JWT_SECRET");
        }
        return result;
    }

    /** Saves {@code secret} into the file at {@code path}, creating it (mode 0600) if absent. */
    public static void save(Path path, String secret) {
        try {
            boolean exists = Files.exists(path);
            String text = exists ? Files.readString(path, StandardCharsets.UTF_8) : "";
            String updated = withSecret(text, secret);
            PrivateFiles.write(path, updated);
        } catch (IOException | UnsupportedOperationException e) {
            throw new ConfigurationException("Cannot save the generated JWT secret to " + path + ": " + e.getMessage(), e);
        }
    }
}
