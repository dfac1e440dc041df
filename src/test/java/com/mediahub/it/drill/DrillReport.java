package com.mediahub.it.drill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What the drill's clients saw, and the checks of issue 20 on it: every unavailable answer inside
 * the window its fault documents, every client signed in at the end with no unexpected answer,
 * the database and the audit log agreeing with the clients, and the metrics of the quiet window
 * agreeing exactly. {@link #summary()} is the table the drill prints.
 */
public final class DrillReport {

    /** What the database holds after the drill (ClusterDrillIT queries it). */
    public record DatabaseFacts(long familiesWithTwoLiveTokens, long loggedOutStillLive, long liveTokensOfClients,
                                long clientsWithoutTheirToken) {
    }

    /**
     * A stretch of load with no fault, bounded by two pauses of every client, and the change of
     * the metrics summed over the instances across it.
     */
    public record QuietWindow(long start, long end, Map<String, Double> metricChanges) {
        double seconds() {
            return (end - start) / 1e9;
        }
    }

    private static final long SECOND = 1_000_000_000L;

    private final List<DrillClient> clients;
    private final List<Fault> faults;
    private final long loadStart;
    private final long loadEnd;
    private final QuietWindow quiet;
    private final DatabaseFacts database;
    private final Map<String, Long> audit;
    private final List<String> violations = new ArrayList<>();

    /**
     * @param audit the number of each audit event of the drill's users, from every instance's audit file
     */
    public DrillReport(List<DrillClient> clients, List<Fault> faults, long loadStart, long loadEnd, QuietWindow quiet,
                       DatabaseFacts database, Map<String, Long> audit) {
        this.clients = clients;
        this.faults = faults;
        this.loadStart = loadStart;
        this.loadEnd = loadEnd;
        this.quiet = quiet;
        this.database = database;
        this.audit = audit;
        check();
    }

    public List<String> violations() {
        return violations;
    }

    private void check() {
        for (DrillClient client : clients) {
            client.unexpected().forEach(text -> violations.add(client.username() + ": " + text));
            if (!client.signedInAtEnd()) {
                violations.add(client.username() + " is not signed in at the end");
            }
            for (Attempt attempt : client.attempts()) {
                if (attempt.unavailable() && faultTolerating(attempt) == null) {
                    violations.add(client.username() + ": " + attempt.kind() + " answered " + attempt.status() + " "
                            + attempt.error() + " at " + seconds(attempt.start() - loadStart) + " s, outside every documented window");
                }
            }
        }
        expectZero("families with two live refresh tokens", database.familiesWithTwoLiveTokens());
        expectZero("logged-out refresh tokens still live", database.loggedOutStillLive());
        expectZero("clients whose refresh token is not in the database", database.clientsWithoutTheirToken());
        // Every client holds one live token; a lost refresh answer left one more live token no
        // client holds; a lost sign-in answer may have too (the client cannot tell).
        long lost = sum(DrillClient::lostRefreshes);
        long atLeast = clients.size() + lost;
        long atMost = atLeast + count(a -> a.kind() == Attempt.Kind.SIGN_IN && a.unavailable());
        within("live refresh tokens of the drill's users", database.liveTokensOfClients(), atLeast, atMost);
        checkAudit(lost);
        checkQuietWindow();
    }

    /**
     * The audit log against the clients. A refresh is audited after its one-statement commit, so
     * the log holds every rotation the clients know of (their 200s and the lost answers they
     * inferred); it may miss one only if an instance was killed between the commit and the
     * line. Sign-ins and log-outs are audited inside their transaction: one whose answer was
     * unavailable may or may not be in the log.
     */
    private void checkAudit(long lostRefreshes) {
        long refreshes = count(a -> a.kind() == Attempt.Kind.REFRESH && a.succeeded()) + lostRefreshes;
        long cutByKills = faults.stream().filter(f -> f.kind() == Fault.Kind.KILL)
                .mapToLong(f -> count(a -> a.kind() == Attempt.Kind.REFRESH && a.spans(f.instant()))).sum();
        within("audit refresh.ok", audit.getOrDefault("refresh.ok", 0L), refreshes - cutByKills, refreshes);
        // A lost answer's retry is the immediately previous token within the grace window: one
        // replay_within_grace per refresh the clients inferred as lost, and no other.
        within("audit refresh.replay_within_grace", audit.getOrDefault("refresh.replay_within_grace", 0L), lostRefreshes, lostRefreshes);
        for (var kind : List.of(Map.entry(Attempt.Kind.SIGN_IN, "login.ok"), Map.entry(Attempt.Kind.LOG_OUT, "logout"))) {
            long ok = count(a -> a.kind() == kind.getKey() && a.succeeded());
            long unsure = count(a -> a.kind() == kind.getKey() && a.unavailable());
            within("audit " + kind.getValue(), audit.getOrDefault(kind.getValue(), 0L), ok, ok + unsure);
        }
        expectZero("audit refresh.reuse_detected", audit.getOrDefault("refresh.reuse_detected", 0L));
    }

    /** No fault in the quiet window: the metrics count exactly what the clients did in it. */
    private void checkQuietWindow() {
        Predicate<Attempt> inWindow = a -> a.start() >= quiet.start() && a.end() <= quiet.end();
        Map<String, Long> done = new LinkedHashMap<>();
        done.put("mediahub_logins_total{result=\"ok\"}", count(inWindow.and(a -> a.kind() == Attempt.Kind.SIGN_IN && a.succeeded())));
        done.put("mediahub_refreshes_total{result=\"ok\"}", count(inWindow.and(a -> a.kind() == Attempt.Kind.REFRESH && a.succeeded())));
        done.put("mediahub_logouts_total{scope=\"session\"}", count(inWindow.and(a -> a.kind() == Attempt.Kind.LOG_OUT && a.succeeded())));
        done.forEach((series, clientCount) -> {
            double metric = quiet.metricChanges().getOrDefault(series, 0.0);
            if (metric != clientCount) {
                violations.add("quiet window: " + series + " rose by " + metric + " but the clients did " + clientCount);
            }
        });
        // and nothing else rose: no failed or throttled login, no rejected refresh, no reuse, no logout-all
        quiet.metricChanges().keySet().stream().filter(series -> !done.containsKey(series))
                .forEach(series -> violations.add("quiet window: " + series + " rose by " + quiet.metricChanges().get(series)));
        long unavailable = count(inWindow.and(Attempt::unavailable));
        expectZero("unavailable answers in the quiet window", unavailable);
    }

    /** The fault whose documented window holds this unavailable answer, or null. */
    private Fault faultTolerating(Attempt attempt) {
        return faults.stream().filter(f -> f.tolerates(attempt)).findFirst().orElse(null);
    }

    public String summary() {
        StringBuilder out = new StringBuilder();
        long cycling = clients.stream().filter(DrillClient::cycles).count();
        out.append(String.format("Cluster drill: %d clients (%d log out and in again), %.0f s of load through HAProxy%n",
                clients.size(), cycling, (loadEnd - loadStart) / 1e9));
        out.append(String.format("%-9s %8s %8s %8s %8s %8s%n", "requests", "200", "401", "503", "none", "other"));
        Map<Attempt.Kind, long[]> byKind = new EnumMap<>(Attempt.Kind.class);
        for (DrillClient client : clients) {
            for (Attempt a : client.attempts()) {
                long[] row = byKind.computeIfAbsent(a.kind(), k -> new long[5]);
                row[switch (a.status()) {
                    case 200 -> 0;
                    case 401 -> 1;
                    case 503 -> 2;
                    case 0 -> 3;
                    default -> 4;
                }]++;
            }
        }
        byKind.forEach((kind, row) -> out.append(String.format("%-9s %8d %8d %8d %8d %8d%n", kind, row[0], row[1], row[2], row[3], row[4])));
        out.append(String.format("lost refresh answers (rotation committed, client signed in again): %d%n", sum(DrillClient::lostRefreshes)));
        Map<String, Long> unavailable = new TreeMap<>();
        clients.stream().flatMap(c -> c.attempts().stream()).filter(Attempt::unavailable).forEach(a -> unavailable.merge(
                a.kind() + " " + (a.status() == 0 ? "no answer: " : a.status() + " ") + abbreviated(a.error()), 1L, Long::sum));
        unavailable.forEach((answer, n) -> out.append(String.format("  %5d × %s%n", n, answer)));
        out.append("faults (took: from the first step until HAProxy sent every instance requests again):\n");
        Map<Fault, Long> longest = longestOutages();
        for (Fault fault : faults) {
            long failed = clients.stream().flatMap(c -> c.attempts().stream())
                    .filter(a -> a.unavailable() && faultTolerating(a) == fault).count();
            out.append(String.format("  %-48s took %6.1f s, unavailable answers %5d, longest client-visible outage %5.2f s%n",
                    fault.name(), (fault.end() - fault.start()) / 1e9, failed, longest.getOrDefault(fault, 0L) / 1e9));
            clients.stream().flatMap(c -> c.attempts().stream()).filter(a -> a.unavailable() && faultTolerating(a) == fault)
                    .mapToLong(Attempt::end).max().ifPresent(last -> out.append(String.format(
                            "    the last of them ended %.2f s after HAProxy had every instance back%n", (last - fault.end()) / 1e9)));
        }
        long refreshes = count(a -> a.kind() == Attempt.Kind.REFRESH && a.succeeded() && a.start() >= quiet.start() && a.end() <= quiet.end());
        long requests = count(a -> a.start() >= quiet.start() && a.end() <= quiet.end());
        out.append(String.format("steady state (%.1f s, no fault): %.1f refreshes/s, %.1f requests/s; metric changes %s%n",
                quiet.seconds(), refreshes / quiet.seconds(), requests / quiet.seconds(), new TreeMap<>(quiet.metricChanges())));
        out.append(String.format("database: families with two live tokens %d, logged-out tokens still live %d (of %d logged out), "
                        + "live tokens of the drill's users %d, clients without their token %d%n",
                database.familiesWithTwoLiveTokens(), database.loggedOutStillLive(), sum(c -> c.loggedOut().size()),
                database.liveTokensOfClients(), database.clientsWithoutTheirToken()));
        out.append("audit (drill users): ").append(new TreeMap<>(audit)).append('\n');
        out.append(violations.isEmpty() ? "checks: all passed\n" : "checks: " + violations.size() + " failed\n");
        return out.toString();
    }

    /**
     * Per client, an outage runs from the first request that got no answer or a 503 to the end
     * of the next request that succeeded; the longest per fault (by where it began).
     */
    private Map<Fault, Long> longestOutages() {
        Map<Fault, Long> longest = new LinkedHashMap<>();
        for (DrillClient client : clients) {
            List<Attempt> attempts = new ArrayList<>(client.attempts());
            attempts.sort(Comparator.comparingLong(Attempt::start));
            Attempt firstFailure = null;
            for (Attempt a : attempts) {
                if (a.unavailable() && firstFailure == null) {
                    firstFailure = a;
                } else if (a.succeeded() && firstFailure != null) {
                    Fault fault = faultTolerating(firstFailure);
                    if (fault != null) {
                        longest.merge(fault, a.end() - firstFailure.start(), Math::max);
                    }
                    firstFailure = null;
                }
            }
        }
        return longest;
    }

    private long count(Predicate<Attempt> which) {
        return clients.stream().flatMap(c -> c.attempts().stream()).filter(which).count();
    }

    private long sum(java.util.function.ToLongFunction<DrillClient> what) {
        return clients.stream().mapToLong(what).sum();
    }

    private void expectZero(String what, long value) {
        if (value != 0) {
            violations.add(what + ": " + value + ", expected 0");
        }
    }

    private void within(String what, long value, long atLeast, long atMost) {
        if (value < atLeast || value > atMost) {
            violations.add(what + ": " + value + ", expected " + atLeast + (atMost == atLeast ? "" : " to " + atMost));
        }
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    private String seconds(long nanos) {
        return String.format("%.1f", nanos / (double) SECOND);
    }
}
