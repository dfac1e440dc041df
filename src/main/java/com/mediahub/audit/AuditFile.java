package com.mediahub.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.mediahub.config.ConfigurationException;
import com.mediahub.config.OperationsSettings;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code [log] audit_file}: every audit line appended to one file, and nothing else, for log
 * shippers. Opened when the application starts, so an unwritable path stops the deployment
 * with a clear message instead of failing logins later. Plain appends (no lock files, no
 * rotation by name): rotate it with copytruncate.
 */
@ApplicationScoped
public class AuditFile {

    private static final Logger LOG = Logger.getLogger(AuditFile.class.getName());

    @Inject
    OperationsSettings settings;

    private BufferedWriter writer;

    @PostConstruct
    void open() {
        if (settings.auditFile() == null) {
            return;
        }
        try {
            writer = Files.newBufferedWriter(settings.auditFile(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("Cannot open the audit file " + settings.auditFile()
                    + " ([log] audit_file): " + e, e);
        }
    }

    /** Opens the file at deployment. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        settings.auditFile();
    }

    public synchronized void append(String line) {
        if (writer == null) {
            return;
        }
        try {
            writer.write(line);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot write to the audit file {0}: {1}",
                    new Object[] {settings.auditFile(), com.mediahub.platform.error.FaultSummary.of(e)});
        }
    }

    public boolean enabled() {
        return writer != null;
    }

    @PreDestroy
    synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "Closing the audit file", e);
            }
            writer = null;
        }
    }
}
