package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * Two-factor sign-in (issue 18) against the real WAR and PostgreSQL: enrolment, sign-in with a
 * TOTP or recovery code, each code once (also under concurrency), password Basic refused for an
 * enrolled user, the throttle, turning it off, the admin's reset, cookie mode, and bad input. The
 * test computes codes itself from the secret the server shows, as an authenticator app would.
 */
class SecondFactorIT extends DeployedWar {

    private static final String REQUIRED = "Second factor required";
    private static final String INVALID = "Invalid second factor";
    private static final long STEP_SECONDS = 30;

    /** A user with TOTP on: the secret the app holds, the recovery codes, the step the confirmation spent. */
    record Enrolled(Api.TestUser user, String secret, List<String> recoveryCodes, long confirmedStep) {
    }

    @Test
    void enrolConfirmThenSignInNeedsACodeOfAStepNotUsedBefore() {
        Api.TestUser user = api.createUser("totp", "totp-password", "user");
        Api.Tokens other = api.login(user.username(), user.password()); // e.g. someone who had the password
        Api.Tokens tokens = api.login(user.username(), user.password());
        Reply started = api.post("/api/users/me/totp", Api.bearer(tokens.access()), password(user)).expect(201);
        String secret = started.json().getString("secret");
        assertTrue(secret.matches("[A-Z2-7]{32}"), started.body());
        assertTrue(started.json().getString("otpauth_uri").startsWith("otpauth://totp/MediaHub:" + user.username() + "?secret=" + secret),
                started.body());
        assertTrue(started.json().getString("otpauth_uri").contains("issuer=MediaHub&algorithm=SHA1&digits=6&period=30"), started.body());
        assertTrue(started.json().getString("qr_svg").startsWith("<svg"), started.body());
        assertEquals("no-store", started.header("Cache-Control"));
        String stored = (String) db.single("SELECT secret FROM totp_enrolments WHERE user_id = ? AND confirmed_at IS NULL", user.id());
        assertTrue(stored.startsWith("v1.") && !stored.contains(secret), "encrypted at rest: " + stored);
        api.get("/api/users/me", Api.bearer(tokens.access())).expect(200);
        assertEquals(Json.createObjectBuilder().add("totp", false).add("recovery_codes_left", 0).build(),
                api.get("/api/users/me", Api.bearer(tokens.access())).json().getJsonObject("two_factor"));
        api.post("/api/token", user.basic(), null).expect(200); // pending: sign-in is unchanged

        awaitRoomInStep();
        long step = currentStep();
        api.post("/api/users/me/totp/confirm", Api.bearer(tokens.access()), code(wrong(codeAt(secret, step)))).expectError(403, "The code is not correct.");
        Reply confirmed = api.post("/api/users/me/totp/confirm", Api.bearer(tokens.access()), code(codeAt(secret, step))).expect(200);
        List<String> recovery = strings(confirmed.json(), "recovery_codes");
        assertEquals(10, recovery.size(), confirmed.body());
        recovery.forEach(c -> assertTrue(c.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}"), c));
        assertEquals(10, db.count("SELECT COUNT(*) FROM recovery_codes WHERE user_id = ?", user.id()));
        assertEquals(0, db.count("SELECT COUNT(*) FROM recovery_codes WHERE code_hash = ?", recovery.get(0)), "only hashes stored");

        // Access tokens of the password-only sign-ins stopped working; every other session ended,
        // and the one that turned TOTP on goes on through refresh.
        api.get("/api/users/me", Api.bearer(tokens.access())).expectError(401, "Invalid token");
        api.get("/api/users/me", Api.bearer(other.access())).expectError(401, "Invalid token");
        api.refresh(other.refresh()).expectError(401, "Invalid or expired refresh token");
        String refreshed = api.refresh(tokens.refresh()).expect(200).json().getString("access_token");
        // A sign-in that raced the confirmation (its token written after the other sessions were
        // ended) was made under the old token version: it cannot refresh. Under the current one it could.
        int version = ((Number) db.single("SELECT token_version FROM users WHERE id = ?", user.id())).intValue();
        api.refresh(storedSession(user, version - 1)).expectError(401, "Invalid or expired refresh token");
        api.refresh(storedSession(user, version)).expect(200);
        JsonObject me = api.get("/api/users/me", Api.bearer(refreshed)).expect(200).json();
        assertEquals(Json.createObjectBuilder().add("totp", true).add("recovery_codes_left", 10).build(), me.getJsonObject("two_factor"));

        db.update("DELETE FROM login_failures");
        api.post("/api/token", user.basic(), null).expectError(401, REQUIRED);
        api.post("/api/token", null, login(user, null)).expectError(401, REQUIRED);
        long failuresBefore = userFailures(user);
        assertEquals(0, failuresBefore, "asking for the code is not a failure");
        assertEquals(0, knownNetworks(), "nor a success: the password alone makes no network one the user signs in from");
        api.send("POST", "/api/token", user.basic(), null, null, "X-OTP", wrong(codeAt(secret, step + 1))).expectError(401, INVALID);
        assertEquals(failuresBefore + 1, userFailures(user), "a wrong code counts like a wrong password");
        api.post("/api/token", null, login(user, codeAt(secret, step))).expectError(401, INVALID); // spent by the confirmation
        assertEquals(0, knownNetworks(), "wrong codes make no network known");

        String next = codeAt(secret, step + 1); // one step ahead: inside the window
        Reply signedIn = api.post("/api/token", null, login(user, next)).expect(200);
        assertEquals(1, knownNetworks(), "password and code: this network is one the user signs in from");
        JsonObject claims = claims(signedIn.json().getString("access_token"));
        assertEquals(List.of("pwd", "otp"), strings(claims, "amr"), claims.toString());
        long authTime = claims.getJsonNumber("auth_time").longValue();
        assertTrue(Math.abs(authTime - Instant.now().getEpochSecond()) < 30, claims.toString());
        api.post("/api/token", null, login(user, next)).expectError(401, INVALID);
        api.send("POST", "/api/token", user.basic(), null, null, "X-OTP", next).expectError(401, INVALID);

        JsonObject refreshedClaims = claims(api.refresh(signedIn.json().getString("refresh_token")).expect(200).json().getString("access_token"));
        assertEquals(List.of("pwd", "otp"), strings(refreshedClaims, "amr"), "a refresh keeps the login's amr");
        assertEquals(authTime, refreshedClaims.getJsonNumber("auth_time").longValue(), "and its auth_time");
        JsonObject before = claims(tokens.access());
        assertEquals(List.of("pwd"), strings(before, "amr"), before.toString());
    }

    @Test
    void ofConcurrentSignInsWithOneCodeExactlyOneWins() throws Exception {
        Enrolled enrolled = enrol("race");
        String code = codeAt(enrolled.secret(), enrolled.confirmedStep() + 1);
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<Integer> signIn = () -> {
                    start.await();
                    return api.post("/api/token", null, login(enrolled.user(), code)).status();
                };
                results.add(pool.submit(signIn));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
            assertEquals(clients - 1, statuses.stream().filter(s -> s == 401).count(), "statuses " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ? AND amr = 'pwd otp'", enrolled.user().id()),
                "one session from the code");
    }

    @Test
    void aRecoveryCodeWorksOnceInTheBodyOrTheHeader() {
        Enrolled enrolled = enrol("recovery");
        String first = enrolled.recoveryCodes().get(0);
        Reply signedIn = api.post("/api/token", null, login(enrolled.user(), first.toUpperCase(java.util.Locale.ROOT))).expect(200);
        assertEquals(List.of("pwd", "otp"), strings(claims(signedIn.json().getString("access_token")), "amr"));
        api.post("/api/token", null, login(enrolled.user(), first)).expectError(401, INVALID);
        String second = enrolled.recoveryCodes().get(1);
        api.send("POST", "/api/token", enrolled.user().basic(), null, null, "X-OTP", second).expect(200);
        api.send("POST", "/api/token", enrolled.user().basic(), null, null, "X-OTP", second).expectError(401, INVALID);
        String access = signedIn.json().getString("access_token");
        assertEquals(8, api.get("/api/users/me", Api.bearer(access)).expect(200).json().getJsonObject("two_factor")
                .getInt("recovery_codes_left"));

        // A new set replaces the old: the old codes stop working.
        List<String> renewed = strings(api.post("/api/users/me/recovery-codes", Api.bearer(access), code(enrolled.recoveryCodes().get(2)))
                .expect(200).json(), "recovery_codes");
        assertEquals(10, renewed.size());
        api.post("/api/token", null, login(enrolled.user(), enrolled.recoveryCodes().get(3))).expectError(401, INVALID);
        api.post("/api/token", null, login(enrolled.user(), renewed.get(0))).expect(200);
    }

    @Test
    void passwordBasicIsRefusedOnResourceEndpointsWhileBearerWorks() {
        Enrolled enrolled = enrol("basic");
        Reply refused = api.get("/api/users/me", enrolled.user().basic()).expectError(401, REQUIRED);
        assertTrue(refused.header("WWW-Authenticate").contains("Basic realm="), refused.header("WWW-Authenticate"));
        String code = codeAt(enrolled.secret(), enrolled.confirmedStep() + 1);
        api.send("GET", "/api/users/me", enrolled.user().basic(), null, null, "X-OTP", code).expectError(401, REQUIRED);
        api.get("/api/databases", enrolled.user().basic()).expectError(401, REQUIRED);
        String access = api.post("/api/token", null, login(enrolled.user(), code)).expect(200).json().getString("access_token");
        api.get("/api/users/me", Api.bearer(access)).expect(200);
        api.get("/api/databases", Api.bearer(access)).expect(200);
        api.get("/api/users/me", Api.basic(enrolled.user().username(), "wrong-password")).expectError(401, "Authentication failed");
    }

    @Test
    void wrongCodesTripTheLoginThrottle() {
        Enrolled enrolled = enrol("throttle");
        for (int i = 0; i < 10; i++) {
            api.post("/api/token", null, login(enrolled.user(), String.format("%06d", i))).expectError(401, INVALID);
        }
        Reply blocked = api.post("/api/token", null, login(enrolled.user(), codeAt(enrolled.secret(), currentStep() + 1))).expect(429);
        assertTrue(Long.parseLong(blocked.header("Retry-After")) > 0, blocked.body());
        assertEquals(10, userFailures(enrolled.user()));
    }

    @Test
    void turningItOffNeedsThePasswordAndAGoodCodeAndAWrongOneChangesNothing() {
        Enrolled enrolled = enrol("off");
        String access = signIn(enrolled, enrolled.recoveryCodes().get(0));
        String before = snapshot(enrolled.user());
        api.send("DELETE", "/api/users/me/totp", Api.bearer(access), body("password", enrolled.user().password(), "code", "000000"),
                "application/json").expectError(403, "The code is not correct.");
        api.send("DELETE", "/api/users/me/totp", Api.bearer(access), body("password", "wrong-password", "code",
                enrolled.recoveryCodes().get(1)), "application/json").expectError(403, "The current password is not correct.");
        api.send("DELETE", "/api/users/me/totp", Api.bearer(access), body("password", enrolled.user().password(), "code",
                enrolled.recoveryCodes().get(0)), "application/json").expectError(403, "The code is not correct."); // spent
        assertEquals(before, snapshot(enrolled.user()), "nothing changed");

        api.send("DELETE", "/api/users/me/totp", Api.bearer(access), body("password", enrolled.user().password(), "code",
                enrolled.recoveryCodes().get(1)), "application/json").expect(204);
        assertEquals(0, db.count("SELECT COUNT(*) FROM totp_enrolments WHERE user_id = ?", enrolled.user().id()));
        assertEquals(0, db.count("SELECT COUNT(*) FROM recovery_codes WHERE user_id = ?", enrolled.user().id()), "cascaded");
        assertEquals(0, db.count("SELECT COUNT(*) FROM totp_spent_steps WHERE user_id = ?", enrolled.user().id()), "cascaded");
        api.get("/api/users/me", enrolled.user().basic()).expect(200);
        api.send("DELETE", "/api/users/me/totp", Api.bearer(access), body("password", enrolled.user().password(), "code", "123456"),
                "application/json").expectError(409, "Two-factor authentication is not on");
    }

    @Test
    void anAdminResetEndsTheUsersSessionsAndTheSecondFactor() {
        Enrolled enrolled = enrol("reset");
        String first = api.post("/api/token", null, login(enrolled.user(), enrolled.recoveryCodes().get(0))).expect(200)
                .json().getString("refresh_token");
        String access = signIn(enrolled, enrolled.recoveryCodes().get(1));
        api.delete("/api/users/" + enrolled.user().id() + "/totp", Api.bearer(access)).expectError(403, "This action requires the admin role.");
        Reply reset = api.delete("/api/users/" + enrolled.user().id() + "/totp", admin()).expect(200);
        assertTrue(reset.json().getInt("revoked") >= 2, reset.body());
        api.refresh(first).expectError(401, "Invalid or expired refresh token");
        api.get("/api/users/me", Api.bearer(access)).expectError(401, "Invalid token");
        assertEquals(0, db.count("SELECT COUNT(*) FROM totp_enrolments WHERE user_id = ?", enrolled.user().id()));
        Reply password = api.post("/api/token", enrolled.user().basic(), null).expect(200);
        assertEquals(List.of("pwd"), strings(claims(password.json().getString("access_token")), "amr"));
        api.delete("/api/users/999999999/totp", admin()).expectError(404, "User not found");
        assertTrue(api.get("/api/metrics", admin()).expect(200).body().contains("mediahub_second_factor_total{event=\"reset\"}"),
                "the reset is counted");
    }

    @Test
    void deletingAUserDeletesTheirSecondFactor() {
        Enrolled enrolled = enrol("gone");
        api.post("/api/token", null, login(enrolled.user(), enrolled.recoveryCodes().get(0))).expect(200);
        assertEquals(9, db.count("SELECT COUNT(*) FROM recovery_codes WHERE user_id = ?", enrolled.user().id()));
        assertEquals(1, db.count("SELECT COUNT(*) FROM totp_spent_steps WHERE user_id = ?", enrolled.user().id()));
        api.delete("/api/users/" + enrolled.user().id(), admin()).expect(204);
        for (String table : List.of("totp_enrolments", "totp_spent_steps", "recovery_codes")) {
            assertEquals(0, db.count("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?", enrolled.user().id()), table);
        }
    }

    @Test
    void cookieModeSignInTakesTheCodeInTheBody() {
        Enrolled enrolled = enrol("cookie");
        api.post("/api/token?delivery=cookie", null, login(enrolled.user(), null)).expectError(401, REQUIRED);
        Reply signedIn = api.post("/api/token?delivery=cookie", null, login(enrolled.user(), codeAt(enrolled.secret(),
                enrolled.confirmedStep() + 1))).expect(200);
        List<String> cookies = signedIn.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("mediahub_access=") || c.contains("access")), cookies.toString());
        assertFalse(signedIn.json().containsKey("access_token"), signedIn.body());
    }

    @Test
    void enrollingAgainReplacesAPendingEnrolmentAndIsRefusedOnceOn() {
        Api.TestUser user = api.createUser("again", "again-password", "user");
        String access = api.login(user.username(), user.password()).access();
        String first = api.post("/api/users/me/totp", Api.bearer(access), password(user)).expect(201).json().getString("secret");
        String second = api.post("/api/users/me/totp", Api.bearer(access), password(user)).expect(201).json().getString("secret");
        assertNotEquals(first, second);
        awaitRoomInStep();
        api.post("/api/users/me/totp/confirm", Api.bearer(access), code(codeAt(first, currentStep())))
                .expectError(403, "The code is not correct.");
        api.post("/api/users/me/totp/confirm", Api.bearer(access), code(codeAt(second, currentStep()))).expect(200);
        String fresh = api.post("/api/token", null, login(user, codeAt(second, currentStep() + 1))).expect(200).json().getString("access_token");
        api.post("/api/users/me/totp", Api.bearer(fresh), password(user)).expectError(409, "Two-factor authentication is already on");
    }

    @Test
    void twoFirstEnrolmentsAtOnceBothAnswerAndOneSecretStays() throws Exception {
        for (int round = 0; round < 3; round++) {
            Api.TestUser user = api.createUser("twice", "twice-password", "user");
            String access = api.login(user.username(), user.password()).access();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Reply>> replies = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    replies.add(pool.submit(() -> {
                        start.await();
                        return api.post("/api/users/me/totp", Api.bearer(access), password(user));
                    }));
                }
                start.countDown();
                List<String> secrets = new ArrayList<>();
                for (Future<Reply> reply : replies) {
                    secrets.add(reply.get().expect(201).json().getString("secret"));
                }
                assertEquals(1, db.count("SELECT COUNT(*) FROM totp_enrolments WHERE user_id = ?", user.id()));
                awaitRoomInStep();
                long step = currentStep();
                long confirmed = secrets.stream().filter(secret -> api.post("/api/users/me/totp/confirm", Api.bearer(access),
                        code(codeAt(secret, step))).status() == 200).count();
                assertEquals(1, confirmed, "the secret stored is one of the two answered");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void badInputGetsAJsonClientErrorAndChangesNothing() {
        Api.TestUser user = api.createUser("bad", "bad-password", "user");
        String access = api.login(user.username(), user.password()).access();
        api.post("/api/users/me/totp/confirm", Api.bearer(access), code("123456"))
                .expectError(409, "No enrolment to confirm: start one with POST /api/users/me/totp");
        api.post("/api/users/me/totp", Api.bearer(access), "{}").expectError(400, "Field 'password' is required");
        api.post("/api/users/me/totp", Api.bearer(access), "{\"password\": 12345678}").expect(400);
        api.post("/api/users/me/totp", Api.bearer(access), "not json").expectError(400, "Invalid request body");
        api.post("/api/users/me/totp", Api.bearer(access), body("password", "wrong-password"))
                .expectError(403, "The current password is not correct.");
        api.post("/api/users/me/totp", Api.bearer(access), "{\"password\": \"" + "x".repeat(2_000_000) + "\"}").expect(413);
        assertEquals(0, db.count("SELECT COUNT(*) FROM totp_enrolments WHERE user_id = ?", user.id()));

        api.post("/api/users/me/totp", Api.bearer(access), password(user)).expect(201);
        String before = snapshot(user);
        long failures = userFailures(user);
        for (String bad : List.of("abcdef", "12345", "1234567", "12345a", "", "１２３４５６")) {
            Reply reply = api.post("/api/users/me/totp/confirm", Api.bearer(access), code(bad)).expect(400);
            assertTrue(reply.json().getString("error").startsWith("Field 'code'"), reply.body());
        }
        api.post("/api/users/me/totp/confirm", Api.bearer(access), "{\"code\": 123456}").expect(400);
        api.post("/api/users/me/totp/confirm", Api.bearer(access), "{\"code\": \"" + "1".repeat(2_000_000) + "\"}").expect(413);
        api.post("/api/users/me/totp/confirm", Api.bearer(access), "[]").expect(400);
        api.post("/api/users/me/recovery-codes", Api.bearer(access), code("123456")).expectError(409, "Two-factor authentication is not on");
        api.post("/api/users/me/recovery-codes", Api.bearer(access), code("letters")).expect(400);
        assertEquals(before, snapshot(user), "nothing changed");
        assertEquals(failures, userFailures(user), "malformed codes are refused before they are counted");

        Enrolled enrolled = enrol("badlogin");
        String enrolledBefore = snapshot(enrolled.user());
        for (String bad : List.of("abcdef", "12345", "1234567", "x".repeat(100))) {
            api.post("/api/token", null, login(enrolled.user(), bad)).expectError(401, INVALID);
        }
        api.post("/api/token", null, "{\"username\": \"" + enrolled.user().username() + "\", \"password\": \""
                + enrolled.user().password() + "\", \"otp\": 123456}").expectError(401, "Authentication failed");
        assertEquals(enrolledBefore, snapshot(enrolled.user()), "no code spent, no session made");
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** A new user with TOTP on, confirmed with the current step's code. */
    private Enrolled enrol(String prefix) {
        Api.TestUser user = api.createUser(prefix, prefix + "-password", "user");
        String access = api.login(user.username(), user.password()).access();
        String secret = api.post("/api/users/me/totp", Api.bearer(access), password(user)).expect(201).json().getString("secret");
        awaitRoomInStep();
        long step = currentStep();
        Reply confirmed = api.post("/api/users/me/totp/confirm", Api.bearer(access), code(codeAt(secret, step))).expect(200);
        db.update("DELETE FROM login_failures");
        return new Enrolled(user, secret, strings(confirmed.json(), "recovery_codes"), step);
    }

    private String signIn(Enrolled enrolled, String code) {
        return api.post("/api/token", null, login(enrolled.user(), code)).expect(200).json().getString("access_token");
    }

    /** What the second factor's tables and the user's sessions hold, to compare before and after. */
    private String snapshot(Api.TestUser user) {
        return db.column("SELECT secret || coalesce(confirmed_at::text, '-') FROM totp_enrolments WHERE user_id = ?", user.id())
                + " " + db.column("SELECT code_hash FROM recovery_codes WHERE user_id = ? ORDER BY code_hash", user.id())
                + " " + db.column("SELECT step FROM totp_spent_steps WHERE user_id = ? ORDER BY step", user.id())
                + " " + db.column("SELECT token_hash FROM refresh_tokens WHERE user_id = ? ORDER BY token_hash", user.id())
                + " " + db.single("SELECT token_version FROM users WHERE id = ?", user.id());
    }

    /** A refresh token stored as a login under {@code tokenVersion} would store it; returns its value. */
    private String storedSession(Api.TestUser user, int tokenVersion) {
        String token = "stored-" + java.util.UUID.randomUUID();
        db.update("INSERT INTO refresh_tokens (user_id, token_hash, expiry, created_at, family_id, family_created_at, family_expiry, "
                + "generation, amr, token_version) VALUES (?, ?, now() + interval '1 hour', now(), ?, now(), now() + interval '1 day', "
                + "0, 'pwd', ?)", user.id(), TokenLifecycleIT.sha256Unchecked(token), Math.abs(token.hashCode()) + 1L, tokenVersion);
        return token;
    }

    /** Networks users signed in from (the throttle's {@code known:} rows). */
    private long knownNetworks() {
        return db.count("SELECT COUNT(*) FROM login_failures WHERE throttle_key LIKE 'known:%'");
    }

    private long userFailures(Api.TestUser user) {
        List<Object> failures = db.column("SELECT failures FROM login_failures WHERE throttle_key = ?", "user:" + user.username());
        return failures.isEmpty() ? 0 : ((Number) failures.get(0)).longValue();
    }

    /** Waits out the last seconds of a step, so that "the current step" cannot change between two requests. */
    static void awaitRoomInStep() {
        long intoStep = Instant.now().getEpochSecond() % STEP_SECONDS;
        if (intoStep > STEP_SECONDS - 5) {
            sleep((STEP_SECONDS - intoStep + 1) * 1000);
        }
    }

    static long currentStep() {
        return Instant.now().getEpochSecond() / STEP_SECONDS;
    }

    /** What an authenticator app shows for this base32 secret in this 30-second step. */
    static String codeAt(String base32Secret, long step) {
        try {
            return new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"), Instant.ofEpochSecond(step * STEP_SECONDS));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static String password(Api.TestUser user) {
        return body("password", user.password());
    }

    private static String code(String code) {
        return body("code", code);
    }

    private static String login(Api.TestUser user, String otp) {
        var json = Json.createObjectBuilder().add("username", user.username()).add("password", user.password());
        if (otp != null) {
            json.add("otp", otp);
        }
        return json.build().toString();
    }

    private static String body(String... fields) {
        var json = Json.createObjectBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            json.add(fields[i], fields[i + 1]);
        }
        return json.build().toString();
    }

    private static List<String> strings(JsonObject json, String field) {
        return json.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonObject claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new java.io.StringReader(payload)).readObject();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
