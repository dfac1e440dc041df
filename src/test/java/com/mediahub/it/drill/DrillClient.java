package com.mediahub.it.drill;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * One simulated user of the API, as a careful client is written: it signs in once, calls with its
 * Bearer token and refreshes shortly before the token runs out. Every request and its answer is
 * recorded. It only knows the documented answers:
 * <ul>
 * <li>503 (or no answer at all): wait and send the same request again;</li>
 * <li>401 {@code Token expired} on a call: refresh;</li>
 * <li>401 {@code Invalid or expired refresh token} after a refresh that got no answer: the lost
 * response's rotation committed (security-model.md, the grace window), so sign in again.</li>
 * </ul>
 * Anything else is recorded as unexpected. A cycling client also logs out and signs in again
 * every few seconds. While the shared gate's write lock is held, no client has a request open.
 */
public final class DrillClient implements Runnable {

    static final String UNAVAILABLE = "Service temporarily unavailable";
    static final String TOKEN_EXPIRED = "Token expired";
    static final String REFRESH_REFUSED = "Invalid or expired refresh token";
    private static final long REFRESH_AHEAD = Duration.ofMillis(1200).toNanos();
    /** The pause before sending again when a 503 says no Retry-After. */
    private static final long RETRY_PAUSE_MILLIS = 300;
    private static final int MAX_TRIES = 200;

    private final String base;
    private final String username;
    private final String basic;
    private final boolean cycles;
    private final ReadWriteLock gate;
    private final AtomicBoolean stop;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Attempt> attempts = new ArrayList<>();
    private final List<String> loggedOut = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();
    private int lostRefreshes;
    private String access;
    private long accessExpiry;
    private String refresh;
    private boolean signedInAtEnd;

    public DrillClient(String base, String username, String password, boolean cycles, ReadWriteLock gate,
                       AtomicBoolean stop, long seed) {
        this.base = base;
        this.username = username;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.cycles = cycles;
        this.gate = gate;
        this.stop = stop;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        pause(random.nextInt(2_000)); // 120 sign-ins spread over two seconds, not one burst
        guarded(this::signIn);
        long nextCycle = nextCycle();
        while (!stop.get()) {
            if (accessExpiry - System.nanoTime() < REFRESH_AHEAD) {
                guarded(this::refresh);
            } else if (System.nanoTime() > nextCycle) {
                guarded(() -> {
                    logOut();
                    signIn();
                });
                nextCycle = nextCycle();
            } else {
                guarded(this::call);
            }
            pause(1_000 + random.nextInt(1_000)); // about one request in 1.5 s per client
        }
        guarded(this::finish);
    }

    /** Every request of one step happens under the gate's read lock: a pause waits for the step. */
    private void guarded(Runnable step) {
        gate.readLock().lock();
        try {
            step.run();
        } finally {
            gate.readLock().unlock();
        }
    }

    private long nextCycle() {
        return cycles ? System.nanoTime() + Duration.ofMillis(6_000 + random.nextInt(6_000)).toNanos() : Long.MAX_VALUE;
    }

    private void signIn() {
        for (int tries = 1; ; tries++) {
            giveUpIfStuck(tries);
            Answer answer = send(Attempt.Kind.SIGN_IN, "/api/token", basic, null);
            if (answer.status() == 200) {
                take(answer.json());
                return;
            }
            if (!retryable(answer)) {
                pause(1_000);
            }
        }
    }

    private void refresh() {
        boolean answerLost = false;
        for (int tries = 1; ; tries++) {
            giveUpIfStuck(tries);
            Answer answer = send(Attempt.Kind.REFRESH, "/api/token/refresh", null, refreshBody());
            if (answer.status() == 200) {
                take(answer.json());
                return;
            }
            if (answer.status() == 401 && REFRESH_REFUSED.equals(answer.error())) {
                if (answerLost) {
                    lostRefreshes++;
                } else {
                    unexpected.add("a refresh with the newest token was refused: " + answer.body());
                }
                signIn();
                return;
            }
            answerLost |= answer.attempt().unavailable();
            if (!retryable(answer)) {
                signIn();
                return;
            }
        }
    }

    private void call() {
        for (int tries = 1; ; tries++) {
            giveUpIfStuck(tries);
            Answer answer = send(Attempt.Kind.CALL, "/api/users/me", "Bearer " + access, null);
            if (answer.status() == 200) {
                if (!username.equals(answer.json().getString("username", null))) {
                    unexpected.add("/api/users/me answered for someone else: " + answer.body());
                }
                return;
            }
            if (answer.status() == 401 && TOKEN_EXPIRED.equals(answer.error())) {
                refresh();
                return;
            }
            if (!retryable(answer)) {
                return;
            }
        }
    }

    private void logOut() {
        for (int tries = 1; ; tries++) {
            giveUpIfStuck(tries);
            Answer answer = send(Attempt.Kind.LOG_OUT, "/api/logout", "Bearer " + access, refreshBody());
            if (answer.status() == 200) {
                loggedOut.add(refresh);
                refresh = null;
                return;
            }
            if (answer.status() == 401 && TOKEN_EXPIRED.equals(answer.error())) {
                refresh();
                continue;
            }
            if (!retryable(answer)) {
                return;
            }
        }
    }

    /** After the drill: one more call, refreshing first if the token is about to run out. */
    private void finish() {
        if (accessExpiry - System.nanoTime() < REFRESH_AHEAD) {
            refresh();
        }
        Answer answer = send(Attempt.Kind.CALL, "/api/users/me", "Bearer " + access, null);
        signedInAtEnd = answer.status() == 200;
        if (!signedInAtEnd) {
            unexpected.add("not signed in at the end: " + answer.status() + " " + answer.body());
        }
    }

    /**
     * 503 with the catalogue's text, or no answer: pause as {@code Retry-After} says (HAProxy's
     * 503 says 1 s; an instance's database 503 says nothing) and send again. Anything else is
     * recorded.
     */
    private boolean retryable(Answer answer) {
        if (answer.status() == 0 || (answer.status() == 503 && UNAVAILABLE.equals(answer.error()))) {
            pause(answer.retryAfterSeconds() > 0 ? answer.retryAfterSeconds() * 1_000L : RETRY_PAUSE_MILLIS);
            return true;
        }
        unexpected.add(answer.attempt().kind() + " answered " + answer.status() + " " + answer.body());
        return false;
    }

    private void take(JsonObject tokens) {
        access = tokens.getString("access_token");
        refresh = tokens.getString("refresh_token");
        accessExpiry = System.nanoTime() + Duration.ofSeconds(tokens.getInt("expires_in")).toNanos();
    }

    private String refreshBody() {
        return Json.createObjectBuilder().add("refresh_token", refresh).build().toString();
    }

    private Answer send(Attempt.Kind kind, String path, String authorization, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (jsonBody == null && kind == Attempt.Kind.CALL) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        long start = System.nanoTime();
        int status;
        String body;
        int retryAfter = 0;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
            retryAfter = response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,2}")).map(Integer::parseInt).orElse(0);
        } catch (IOException e) {
            status = 0;
            body = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Answer answer = new Answer(new Attempt(kind, start, System.nanoTime(), status, status == 200 ? null : errorOf(body)), body, retryAfter);
        attempts.add(answer.attempt());
        return answer;
    }

    private static String errorOf(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject().getString("error", body);
        } catch (RuntimeException notJson) {
            return body;
        }
    }

    /**
     * A step that has not succeeded after {@value #MAX_TRIES} requests (about a minute of 503s),
     * or whose thread the drill interrupted, ends this client with an exception: the drill fails
     * instead of waiting for ever.
     */
    private void giveUpIfStuck(int tries) {
        if (Thread.currentThread().isInterrupted() || tries > MAX_TRIES) {
            throw new IllegalStateException(username + " gave up after " + (tries - 1) + " tries; unexpected answers: " + unexpected);
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String username() {
        return username;
    }

    public boolean cycles() {
        return cycles;
    }

    public List<Attempt> attempts() {
        return attempts;
    }

    /** The refresh tokens this client logged out (each answered 200). */
    public List<String> loggedOut() {
        return loggedOut;
    }

    /** The refresh token the client holds now. */
    public String refreshToken() {
        return refresh;
    }

    /** Refreshes whose answer was lost and whose rotation had committed: the client signed in again. */
    public int lostRefreshes() {
        return lostRefreshes;
    }

    public List<String> unexpected() {
        return unexpected;
    }

    public boolean signedInAtEnd() {
        return signedInAtEnd;
    }

    private record Answer(Attempt attempt, String body, int retryAfterSeconds) {
        int status() {
            return attempt.status();
        }

        String error() {
            return attempt.error();
        }

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }
}
