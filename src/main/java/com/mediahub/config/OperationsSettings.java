package com.mediahub.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Settings of the operator-facing features: self-registration, the metrics endpoint and the
 * audit log's format.
 *
 * @param registrationOpen       {@code [auth] registration = "open"} lets anybody create a {@code user}
 *                               account with {@code POST /api/users} (default {@code "closed"})
 * @param registrationsPerWindow self-registrations (attempts) per client address per window
 *                               ({@code [auth] registrations_per_hour}, default 5)
 * @param registrationWindow     that window (one hour)
 * @param metricsRole            role that may read {@code /api/metrics} ({@code [metrics] role}, default admin)
 * @param auditJson              {@code [log] format = "json"}: audit events as one JSON object per line
 * @param auditFile              {@code [log] audit_file}: also write audit events, one per line and
 *                               nothing else, to this file (relative to config.toml's directory); null = no file
 */
public record OperationsSettings(boolean registrationOpen, int registrationsPerWindow, Duration registrationWindow,
                                 String metricsRole, boolean auditJson, java.nio.file.Path auditFile) {

    /** One of the application's roles: a scraper account gets it like any user. */
    private static String metricsRole(ConfigFile file) {
        String role = file.string("metrics.role").orElse("admin").trim();
        if (!role.equals("admin") && !role.equals("user")) {
            throw new ConfigurationException("Setting metrics.role in " + file.path()
                    + " must be \"admin\" or \"user\" (the roles accounts can have), was \"" + role + "\"");
        }
        return role;
    }

    public static OperationsSettings from(ConfigFile file) {
        String registration = file.string("auth.registration").orElse("closed").trim().toLowerCase(Locale.ROOT);
        if (!registration.equals("open") && !registration.equals("closed")) {
            throw new ConfigurationException("Setting auth.registration in " + file.path()
                    + " must be \"open\" or \"closed\", was \"" + registration + "\"");
        }
        String format = file.string("log.format").orElse("text").trim().toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new ConfigurationException("Setting log.format in " + file.path()
                    + " must be \"text\" or \"json\", was \"" + format + "\"");
        }
        java.nio.file.Path auditFile = file.string("log.audit_file").filter(p -> !p.isBlank())
                .map(p -> file.path().toAbsolutePath().getParent().resolve(p)).orElse(null);
        return new OperationsSettings(registration.equals("open"),
                (int) file.bounded("auth.registrations_per_hour", 5, 1, 1_000_000), Duration.ofHours(1),
                metricsRole(file),
                format.equals("json"), auditFile);
    }
}
