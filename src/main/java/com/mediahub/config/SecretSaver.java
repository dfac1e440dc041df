package com.mediahub.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Writes a generated secret back into config.toml (contract section 4: {@code [jwt] secret}; issue
 * 18: {@code [mfa] key}). tomlj only parses, so the text is edited: one {@code key = "..."} line
 * is inserted into its table and every other line and
 * comment stays byte for byte. The result is re-parsed before it replaces the file, through a
 * temporary file in the same directory and an atomic rename. A new file gets mode 0600; an
 * existing file keeps its mode.
 */
public final class SecretSaver {

    private SecretSaver() {
    }

    /** The file's new text: {@code text} with {@code secret} added to its {@code [jwt]} table. */
    public static String withSecret(String text, String secret) {
        return withSecret(text, "jwt", "secret", secret, "FDB_JWT_SECRET");
    }

    /**
     * The file's new text: {@code text} with {@code key = "value"} added to its {@code [table]}.
     *
     * @param variable the environment variable to suggest when the file cannot be edited safely
     */
    public static String withSecret(String text, String table, String key, String value, String variable) {
        Pattern tableHeader = Pattern.compile("^\\s*\\[\\s*" + Pattern.quote(table) + "\\s*]\\s*(#.*)?$");
        String line = key + " = \"" + value + "\"";
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        String[] lines = text.split("\\r?\\n", -1);
        StringBuilder out = new StringBuilder(text.length() + line.length() + 16);
        boolean inserted = false;
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append(newline);
            }
            if (!inserted && tableHeader.matcher(lines[i]).matches()) {
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
                    + "[" + table + "]" + newline + line + newline;
        }
        ConfigFile check = ConfigFile.parse(Path.of("config.toml"), result);
        if (!check.string(table + "." + key).filter(value::equals).isPresent()) {
            // e.g. the table written inline or with dotted keys: editing it by text is unsafe.
            throw new ConfigurationException("Cannot add the generated secret to the [" + table + "] table of this file; "
                    + "set [" + table + "] " + key + " yourself or use " + variable);
        }
        return result;
    }

    /** Saves {@code secret} as {@code [jwt] secret} into the file at {@code path}, creating it (mode 0600) if absent. */
    public static void save(Path path, String secret) {
        save(path, "jwt", "secret", secret, "FDB_JWT_SECRET", "JWT secret");
    }

    /** Saves {@code [table] key = "value"} into the file at {@code path}, creating it (mode 0600) if absent. */
    public static void save(Path path, String table, String key, String value, String variable, String what) {
        try {
            boolean exists = Files.exists(path);
            String text = exists ? Files.readString(path, StandardCharsets.UTF_8) : "";
            String updated = withSecret(text, table, key, value, variable);
            PrivateFiles.write(path, updated);
        } catch (IOException | UnsupportedOperationException e) {
            throw new ConfigurationException("Cannot save the generated " + what + " to " + path + ": " + e.getMessage(), e);
        }
    }
}
