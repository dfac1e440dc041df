package com.mediahub.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's CPU goes, from a JFR recording ({@code bench/run.sh --profile}): each
 * execution sample is charged to the component of the innermost frame that is not the JDK's
 * own (so a HashMap lookup made by Weld counts as Weld), and the components are printed with
 * their share of all samples. A second table gives inclusive shares: the samples whose stack
 * holds a given step anywhere (a request phase, one of our calls, a known server cost). Samples
 * that run bcrypt are left out: they are the harness signing its users in before the measured
 * requests.
 */
public final class ProfileSummary {

    /** Package prefixes and the component they belong to; the first match wins. */
    static final List<String[]> COMPONENTS = List.of(
            new String[]{"com.mediahub.", "MediaHub (our code)"},
            new String[]{"org.jose4j.", "JWT (jose4j)"},
            new String[]{"org.glassfish.soteria.", "Jakarta Security (Soteria, JASPIC, JACC)"},
            new String[]{"org.glassfish.exousia.", "Jakarta Security (Soteria, JASPIC, JACC)"},
            new String[]{"com.sun.enterprise.security.", "Jakarta Security (Soteria, JASPIC, JACC)"},
            new String[]{"com.sun.web.security.", "Jakarta Security (Soteria, JASPIC, JACC)"},
            new String[]{"fish.payara.security.", "Jakarta Security (Soteria, JASPIC, JACC)"},
            new String[]{"org.glassfish.jersey.", "JAX-RS (Jersey)"},
            new String[]{"org.jboss.weld.", "CDI (Weld)"},
            new String[]{"org.eclipse.persistence.", "JPA (EclipseLink)"},
            new String[]{"com.sun.enterprise.transaction.", "JTA (transaction manager)"},
            new String[]{"com.sun.jts.", "JTA (transaction manager)"},
            new String[]{"org.glassfish.cdi.transaction.", "JTA (transaction manager)"},
            new String[]{"org.postgresql.", "JDBC driver (pgjdbc)"},
            new String[]{"com.sun.enterprise.resource.", "connection pool"},
            new String[]{"com.sun.gjc.", "connection pool"},
            new String[]{"org.glassfish.grizzly.", "HTTP and servlet container (Grizzly, Catalina)"},
            new String[]{"org.apache.catalina.", "HTTP and servlet container (Grizzly, Catalina)"},
            new String[]{"org.apache.coyote.", "HTTP and servlet container (Grizzly, Catalina)"},
            new String[]{"com.sun.enterprise.web.", "HTTP and servlet container (Grizzly, Catalina)"},
            new String[]{"org.glassfish.", "other Payara/GlassFish"},
            new String[]{"com.sun.", "other Payara/GlassFish"},
            new String[]{"fish.payara.", "other Payara/GlassFish"},
            new String[]{"org.eclipse.parsson.", "JSON (Parsson)"},
            new String[]{"java.util.logging.", "logging"});

    /** Steps (a regular expression over "class.method" frames) and their names, for the inclusive table. */
    static final List<String[]> STEPS = List.of(
            new String[]{"org\\.glassfish\\.soteria\\.mechanisms\\.jaspic\\.HttpBridgeServerAuthModule\\..*",
                "Jakarta Security: Soteria's JASPIC bridge, with our mechanism"},
            new String[]{"org\\.glassfish\\.soteria\\.cdi\\.CdiUtils\\.jndiLookup",
                "  of which Soteria's JNDI look-ups of the BeanManager (two per request)"},
            new String[]{"com\\.mediahub\\.auth\\.mechanism\\.HybridAuthenticationMechanism\\.validateRequest",
                "  of which our mechanism"},
            new String[]{"org\\.glassfish\\.jersey\\.servlet\\.ServletContainer\\.service", "JAX-RS (Jersey), with the resource method"},
            new String[]{"com\\.mediahub\\.[\\w.]+Resource\\.\\w+", "  of which our resource methods"},
            new String[]{"com\\.mediahub\\.auth\\.session\\.entity\\.JdbcRefreshTokenRotation\\.rotate",
                "    the rotation statement (JDBC, with getting a pooled connection)"},
            new String[]{"com\\.mediahub\\.auth\\.token\\.control\\.AccessTokenService\\.issue", "    signing the access token"},
            new String[]{"com\\.mediahub\\.audit\\.SecurityAudit\\.record", "    the audit line"},
            new String[]{"org\\.jboss\\.weld\\.bean\\.ContextualInstance\\.get", "CDI: finding or creating contextual instances"},
            new String[]{"fish\\.payara\\.microprofile\\.telemetry\\..*", "Payara's OpenTelemetry JAX-RS listener"},
            new String[]{"java\\.util\\.logging\\..*", "logging"});

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Long> components = new LinkedHashMap<>();
        Map<String, Long> steps = new LinkedHashMap<>();
        long[] counted = count(Path.of(args[0]), components, steps);
        long total = Math.max(1, counted[0]);
        System.out.printf(Locale.ROOT, "| component (innermost non-JDK frame) | share of CPU samples |%n|---|---:|%n");
        components.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / total));
        System.out.printf(Locale.ROOT, "%n| step (anywhere on the stack) | share of CPU samples |%n|---|---:|%n");
        for (String[] step : STEPS) {
            long count = steps.getOrDefault(step[1], 0L);
            if (count > 0) {
                System.out.printf(Locale.ROOT, "| %s | %.1f%% |%n", step[1].replace("  ", "&nbsp;&nbsp;"), 100.0 * count / total);
            }
        }
        System.out.printf(Locale.ROOT, "%n%d samples; %d more ran bcrypt and are left out (the harness signing its users in; "
                + "in the login and basic scenarios bcrypt is the request's cost)%n", counted[0], counted[1]);
    }

    /** Counts samples per component and per step into the maps; returns {samples counted, bcrypt samples left out}. */
    static long[] count(Path recording, Map<String, Long> components, Map<String, Long> steps) throws IOException {
        List<java.util.regex.Pattern> patterns = STEPS.stream().map(step -> java.util.regex.Pattern.compile(step[0])).toList();
        long total = 0;
        long bcrypt = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            String component = componentOf(event.getStackTrace());
            if (component == null) {
                bcrypt++;
                continue;
            }
            total++;
            components.merge(component, 1L, Long::sum);
            List<String> frames = event.getStackTrace().getFrames().stream()
                    .map(frame -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName()).toList();
            for (int i = 0; i < STEPS.size(); i++) {
                java.util.regex.Pattern pattern = patterns.get(i);
                if (frames.stream().anyMatch(frame -> pattern.matcher(frame).matches())) {
                    steps.merge(STEPS.get(i)[1], 1L, Long::sum);
                }
            }
        }
        return new long[]{total, bcrypt};
    }

    /** The component charged with a sample, or null for one that is left out (bcrypt). */
    static String componentOf(RecordedStackTrace stack) {
        String charged = null;
        for (RecordedFrame frame : stack.getFrames()) {
            if (!frame.isJavaFrame()) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("at.favre.lib.crypto.bcrypt.")) {
                return null;
            }
            if (charged == null) {
                charged = componentOfType(type);
            }
        }
        return charged == null ? "JDK (not called from a component)" : charged;
    }

    private static String componentOfType(String type) {
        for (String[] component : COMPONENTS) {
            if (type.startsWith(component[0])) {
                return component[1];
            }
        }
        return null;
    }
}
