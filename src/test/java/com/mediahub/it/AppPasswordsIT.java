package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mediahub.auth.apppassword.control.AppPasswordFormat;
import com.mediahub.platform.error.ErrorCatalogue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * App passwords (issue 19) against the real WAR and PostgreSQL: made, used with Basic, listed with
 * their last use, revoked; read-only ones; where they are refused; a user with two-factor sign-in;
 * the throttle; what ends them besides a revocation; and bad input, which changes nothing.
 */
class AppPasswordsIT extends DeployedWar {

    private static final String FAILED = "Authentication failed";
    private static final String NO_SESSIONS = ErrorCatalogue.APP_PASSWORD_NO_SESSIONS.message();
    private static final String ACCOUNT_SECURITY = ErrorCatalogue.APP_PASSWORD_ACCOUNT_SECURITY.message();
    private static final String READ_ONLY = "This app password is read-only: it may only make GET and HEAD requests.";
    private static final String TOO_MANY = ErrorCatalogue.TOO_MANY_ATTEMPTS.message();
    private static final String MINE = "/api/users/me/app-passwords";

    @Test
    void createUseListRevokeThenRefused() throws Exception {
        Api.TestUser user = api.createUser("app", "app-password-1", "user");
        String access = api.login(user.username(), user.password()).access();
        Reply created = api.post(MINE, Api.bearer(access), create("backup script", false, user.password())).expect(201);
        JsonObject json = created.json();
        String value = json.getString("password");
        assertTrue(AppPasswordFormat.isWellFormed(value) && value.startsWith("mhp_"), created.body());
        assertEquals("backup script", json.getString("name"), created.body());
        assertFalse(json.getBoolean("read_only"), created.body());
        assertTrue(Math.abs(Instant.parse(json.getString("created_at")).getEpochSecond() - Instant.now().getEpochSecond()) < 60,
                created.body());
        long id = json.getJsonNumber("id").longValue();
        assertEquals("no-store", created.header("Cache-Control"));
        assertTrue(created.header("Location").endsWith("/api/users/me/app-passwords/" + id), created.header("Location"));
        assertEquals(TokenLifecycleIT.sha256(value), db.single("SELECT password_hash FROM app_passwords WHERE id = ?", id),
                "only the SHA-256 is stored");
        assertEquals(0, db.count("SELECT COUNT(*) FROM app_passwords WHERE password_hash = ? OR name = ?", value, value));

        JsonObject listed = api.get(MINE, Api.bearer(access)).expect(200).jsonArray().getJsonObject(0);
        assertEquals(JsonObjectWithout.of(json, "password"), JsonObjectWithout.of(listed, "last_used_at"), listed.toString());
        assertTrue(listed.isNull("last_used_at"), "never used: " + listed);
        assertFalse(listed.containsKey("password"), listed.toString());

        String basic = Api.basic(user.username(), value);
        JsonObject me = api.get("/api/users/me", basic).expect(200).json();
        assertEquals(user.username(), me.getString("username"), me.toString());
        long database = api.post("/api/databases", basic, "{\"name\":\"by script\"}").expect(201).json().getJsonNumber("id").longValue();
        api.get("/api/databases/" + database, basic).expect(200);
        assertEquals(1, db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ?", user.id()),
                "the login above made the only session: an app password makes none");

        JsonObject used = api.get(MINE, Api.bearer(access)).expect(200).jsonArray().getJsonObject(0);
        Instant lastUsed = Instant.parse(used.getString("last_used_at"));
        assertTrue(Math.abs(lastUsed.getEpochSecond() - Instant.now().getEpochSecond()) < 60, used.toString());
        api.get("/api/users/me", basic).expect(200);
        assertEquals(lastUsed, Instant.parse(api.get(MINE, Api.bearer(access)).jsonArray().getJsonObject(0).getString("last_used_at")),
                "written at most once a minute, not per request");

        api.delete(MINE + "/" + id, Api.bearer(access)).expect(204);
        api.get("/api/users/me", basic).expectError(401, FAILED); // at once on this instance, though it was cached
        assertEquals(0, api.get(MINE, Api.bearer(access)).expect(200).jsonArray().size());
        assertEquals(0, db.count("SELECT COUNT(*) FROM app_passwords WHERE user_id = ?", user.id()));
        api.delete(MINE + "/" + id, Api.bearer(access)).expectError(404, "App password not found");
    }

    @Test
    void aReadOnlyAppPasswordReadsAndIsRefusedEveryWrite() {
        Api.TestUser user = api.createUser("reader", "reader-password", "user");
        long database = api.post("/api/databases", user.basic(), "{\"name\":\"mine\"}").expect(201).json().getJsonNumber("id").longValue();
        String value = api.post(MINE, user.basic(), create("monitoring", true, user.password())).expect(201).json().getString("password");
        assertTrue(api.get(MINE, user.basic()).jsonArray().getJsonObject(0).getBoolean("read_only"));
        String basic = Api.basic(user.username(), value);
        api.get("/api/databases/" + database, basic).expect(200);
        api.send("HEAD", "/api/databases/" + database, basic, null, null).expect(200);
        String before = databases(user);
        api.post("/api/databases", basic, "{\"name\":\"not allowed\"}").expectError(403, READ_ONLY);
        api.send("PATCH", "/api/databases/" + database, basic, "{\"name\":\"renamed\"}", "application/json").expectError(403, READ_ONLY);
        api.delete("/api/databases/" + database, basic).expectError(403, READ_ONLY);
        api.post("/api/entry", basic, "{\"database_id\":" + database + ",\"title\":\"t\",\"content\":\"c\"}").expectError(403, READ_ONLY);
        assertEquals(before, databases(user), "nothing written");
    }

    @Test
    void refusedAtTheTokenEndpointAndEveryAccountSecurityEndpoint() {
        Api.TestUser user = api.createUser("scoped", "scoped-password", "user");
        Reply created = api.post(MINE, user.basic(), create("ci", false, user.password())).expect(201);
        String value = created.json().getString("password");
        String basic = Api.basic(user.username(), value);
        String before = appPasswordsButTheirUse(user) + " " + db.single("SELECT password_hash || token_version FROM users WHERE id = ?", user.id());

        api.post("/api/token", basic, null).expectError(403, NO_SESSIONS);
        api.post("/api/token", null, Json.createObjectBuilder().add("username", user.username()).add("password", value).build().toString())
                .expectError(403, NO_SESSIONS);
        api.send("PUT", "/api/users/" + user.id() + "/password", basic,
                "{\"current_password\":\"" + value + "\",\"new_password\":\"taken-over-1\"}", "application/json")
                .expectError(403, ACCOUNT_SECURITY);
        api.post("/api/users/me/totp", basic, "{\"password\":\"" + user.password() + "\"}").expectError(403, ACCOUNT_SECURITY);
        api.post("/api/users/me/totp/confirm", basic, "{\"code\":\"123456\"}").expectError(403, ACCOUNT_SECURITY);
        api.send("DELETE", "/api/users/me/totp", basic, "{\"password\":\"x\",\"code\":\"123456\"}", "application/json")
                .expectError(403, ACCOUNT_SECURITY);
        api.post("/api/users/me/recovery-codes", basic, "{\"code\":\"123456\"}").expectError(403, ACCOUNT_SECURITY);
        api.get(MINE, basic).expectError(403, ACCOUNT_SECURITY);
        api.post(MINE, basic, create("another", false, user.password())).expectError(403, ACCOUNT_SECURITY);
        api.delete(MINE + "/" + created.json().getJsonNumber("id").longValue(), basic).expectError(403, ACCOUNT_SECURITY);
        api.send("HEAD", MINE, basic, null, null).expect(403); // HEAD runs the GET method: refused as GET is
        api.get("/api/sessions", basic).expectError(403, ACCOUNT_SECURITY);
        api.post("/api/logout-all", basic, null).expectError(403, ACCOUNT_SECURITY);
        api.delete("/api/users/" + user.id(), basic).expectError(403, ACCOUNT_SECURITY);

        assertEquals(0, db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ?", user.id()), "no session made");
        assertEquals(before, appPasswordsButTheirUse(user) + " " + db.single("SELECT password_hash || token_version FROM users WHERE id = ?", user.id()),
                "nothing changed");
        assertEquals(1, db.count("SELECT COUNT(*) FROM app_passwords WHERE user_id = ? AND last_used_at IS NOT NULL", user.id()),
                "the right value was presented: that is a use, though it was refused (ADR 0024)");
        assertEquals(0, db.count("SELECT COUNT(*) FROM totp_enrolments WHERE user_id = ?", user.id()));
        api.get("/api/users/me", basic).expect(200); // and it still works where it may
        assertEquals(1, db.count("SELECT COUNT(*) FROM users WHERE id = ?", user.id()));
    }

    /** An admin's app password manages no users: it could otherwise make an admin it knows the password of. */
    @Test
    void anAdminsAppPasswordReadsButManagesNoUsers() {
        Api.TestUser admin = api.createUser("second-admin", "second-admin-password", "admin");
        String value = api.post(MINE, admin.basic(), create("reporting", false, admin.password())).expect(201).json().getString("password");
        String basic = Api.basic(admin.username(), value);
        Api.TestUser victim = api.createUser("victim", "victim-password", "user");
        long usersBefore = db.count("SELECT COUNT(*) FROM users");
        api.get("/api/users", basic).expect(200);
        api.get("/api/metrics", basic).expect(200);
        api.post("/api/users", basic, "{\"username\":\"planted\",\"password\":\"planted-password\",\"roles\":[\"admin\"]}")
                .expectError(403, ACCOUNT_SECURITY);
        api.send("PUT", "/api/users/" + victim.id() + "/password", basic, "{\"new_password\":\"taken-over-1\"}", "application/json")
                .expectError(403, ACCOUNT_SECURITY);
        api.delete("/api/users/" + victim.id(), basic).expectError(403, ACCOUNT_SECURITY);
        api.delete("/api/users/" + victim.id() + "/sessions", basic).expectError(403, ACCOUNT_SECURITY);
        api.delete("/api/users/" + victim.id() + "/totp", basic).expectError(403, ACCOUNT_SECURITY);
        api.get("/api/users/" + victim.id() + "/app-passwords", basic).expectError(403, ACCOUNT_SECURITY);
        assertEquals(usersBefore, db.count("SELECT COUNT(*) FROM users"));
        api.get("/api/users/me", victim.basic()).expect(200); // the victim's password is unchanged
    }

    @Test
    void aUserWithTwoFactorSignInUsesAnAppPasswordWherePasswordBasicIsRefused() {
        Api.TestUser user = api.createUser("twofactor-app", "twofactor-app-password", "user");
        String access = api.login(user.username(), user.password()).access();
        String secret = api.post("/api/users/me/totp", Api.bearer(access), "{\"password\":\"" + user.password() + "\"}")
                .expect(201).json().getString("secret");
        SecondFactorIT.awaitRoomInStep();
        api.post("/api/users/me/totp/confirm", Api.bearer(access),
                "{\"code\":\"" + SecondFactorIT.codeAt(secret, SecondFactorIT.currentStep()) + "\"}").expect(200);
        api.post("/api/token", user.basic(), null).expectError(401, "Second factor required");
        String afterConfirm = api.post("/api/token", null, Json.createObjectBuilder().add("username", user.username())
                .add("password", user.password()).add("otp", SecondFactorIT.codeAt(secret, SecondFactorIT.currentStep() + 1)).build().toString())
                .expect(200).json().getString("access_token");

        api.get("/api/users/me", user.basic()).expectError(401, "Second factor required");
        String value = api.post(MINE, Api.bearer(afterConfirm), create("nightly sync", false, user.password())).expect(201)
                .json().getString("password");
        api.get("/api/users/me", Api.basic(user.username(), value)).expect(200);
        api.post("/api/databases", Api.basic(user.username(), value), "{\"name\":\"synced\"}").expect(201);
        api.post("/api/token", Api.basic(user.username(), value), null).expectError(403, NO_SESSIONS);
        api.send("POST", "/api/token", Api.basic(user.username(), value), null, null, "X-OTP", "123456").expectError(403, NO_SESSIONS);

        // An admin's reset of the second factor (a lost phone) ends the app passwords too.
        api.delete("/api/users/" + user.id() + "/totp", admin()).expect(200);
        api.get("/api/users/me", Api.basic(user.username(), value)).expectError(401, FAILED);
        assertEquals(0, db.count("SELECT COUNT(*) FROM app_passwords WHERE user_id = ?", user.id()));
    }

    /** Passwords that look like app passwords stay passwords: the prefix alone, or the whole shape. */
    @Test
    void aPasswordThatLooksLikeAnAppPasswordIsStillAPassword() {
        Api.TestUser prefixed = api.createUser("prefixed", "mhp_my own passphrase", "user");
        api.get("/api/users/me", prefixed.basic()).expect(200);
        api.post("/api/token", prefixed.basic(), null).expect(200);
        String shaped = AppPasswordFormat.generate(new SecureRandom()); // checksum and all, but chosen as a password
        Api.TestUser lookalike = api.createUser("lookalike", shaped, "user");
        api.get("/api/users/me", lookalike.basic()).expect(200);
        api.post("/api/token", lookalike.basic(), null).expect(200);
        api.get("/api/users/me", Api.basic(lookalike.username(), AppPasswordFormat.generate(new SecureRandom())))
                .expectError(401, FAILED);
    }

    @Test
    void wrongAppPasswordsAreThrottledLikeWrongPasswords() {
        Api.TestUser user = api.createUser("guessed", "guessed-password", "user");
        String value = api.post(MINE, user.basic(), create("cron", false, user.password())).expect(201).json().getString("password");
        Api.TestUser other = api.createUser("other", "other-password", "user");
        String othersValue = api.post(MINE, other.basic(), create("theirs", false, other.password())).expect(201).json().getString("password");
        db.update("DELETE FROM login_failures");
        SecureRandom random = new SecureRandom();
        int failures = 0;
        Reply answer = null;
        for (int i = 0; i < 20; i++) {
            String guess = i == 0 ? othersValue : AppPasswordFormat.generate(random); // another user's is no better
            answer = api.get("/api/users/me", Api.basic(user.username(), guess));
            if (answer.status() != 401) {
                break;
            }
            answer.expectError(401, FAILED);
            failures++;
            assertEquals(failures, userFailures(user), "each wrong app password is a failed login: " + answer.body());
        }
        assertEquals(10, failures, "as many as wrong passwords get");
        answer.expectError(429, TOO_MANY);
        api.get("/api/users/me", user.basic()).expectError(429, TOO_MANY);
        // The right app password is not a guess (178 random bits): the owner's scripts keep working
        // while someone guesses at the account (ADR 0024).
        api.get("/api/users/me", Api.basic(user.username(), value)).expect(200);
    }

    @Test
    void deletedWithTheUserAndEndedByAPasswordChange() {
        Api.TestUser user = api.createUser("leaving", "leaving-password", "user");
        String first = api.post(MINE, user.basic(), create("one", false, user.password())).expect(201).json().getString("password");
        api.get("/api/users/me", Api.basic(user.username(), first)).expect(200);
        api.send("PUT", "/api/users/" + user.id() + "/password", user.basic(),
                "{\"current_password\":\"" + user.password() + "\",\"new_password\":\"leaving-password-2\"}", "application/json").expect(200);
        api.get("/api/users/me", Api.basic(user.username(), first)).expectError(401, FAILED);
        assertEquals(0, db.count("SELECT COUNT(*) FROM app_passwords WHERE user_id = ?", user.id()), "a new password ends them");

        String second = api.post(MINE, Api.basic(user.username(), "leaving-password-2"), create("two", false, "leaving-password-2"))
                .expect(201).json().getString("password");
        api.get("/api/users/me", Api.basic(user.username(), second)).expect(200);
        // An admin sees and revokes them; then deletes the user, and the rows go with it.
        JsonArray seen = api.get("/api/users/" + user.id() + "/app-passwords", admin()).expect(200).jsonArray();
        assertEquals(1, seen.size(), seen.toString());
        assertEquals("two", seen.getJsonObject(0).getString("name"));
        String third = api.post(MINE, Api.basic(user.username(), "leaving-password-2"), create("three", false, "leaving-password-2"))
                .expect(201).json().getString("password");
        api.delete("/api/users/" + user.id() + "/app-passwords/" + seen.getJsonObject(0).getJsonNumber("id").longValue(), admin()).expect(204);
        api.get("/api/users/me", Api.basic(user.username(), second)).expectError(401, FAILED);
        api.get("/api/users/me", Api.basic(user.username(), third)).expect(200);
        api.get("/api/users/" + user.id() + "/app-passwords", Api.basic(user.username(), "leaving-password-2"))
                .expectError(403, "This action requires the admin role.");
        // An admin setting a new password ends them too.
        api.send("PUT", "/api/users/" + user.id() + "/password", admin(), "{\"new_password\":\"leaving-password-3\"}", "application/json")
                .expect(200);
        api.get("/api/users/me", Api.basic(user.username(), third)).expectError(401, FAILED);
        third = api.post(MINE, Api.basic(user.username(), "leaving-password-3"), create("three again", false, "leaving-password-3"))
                .expect(201).json().getString("password");
        api.delete("/api/users/" + user.id(), admin()).expect(204);
        assertEquals(0, db.count("SELECT COUNT(*) FROM app_passwords WHERE user_id = ?", user.id()));
        api.get("/api/users/me", Api.basic(user.username(), third)).expectError(401, FAILED);
        api.get("/api/users/" + user.id() + "/app-passwords", admin()).expectError(404, "User not found");
        api.delete("/api/users/" + user.id() + "/app-passwords/1", admin()).expectError(404, "User not found");
    }

    @Test
    void everyBadInputIsAJson4xxAndWritesNothing() {
        Api.TestUser user = api.createUser("careless", "careless-password", "user");
        Api.TestUser other = api.createUser("neighbour", "neighbour-password", "user");
        long othersId = api.post(MINE, other.basic(), create("theirs", false, other.password())).expect(201).json()
                .getJsonNumber("id").longValue();
        String auth = user.basic();
        String before = appPasswords(user) + appPasswords(other);
        String longName = "x".repeat(101);
        api.post(MINE, auth, "not json").expectError(400, "Invalid request body");
        api.post(MINE, auth, "[]").expectError(400, "Invalid request body");
        api.post(MINE, auth, "{\"password\":\"careless-password\"}").expectError(400, "Field 'name' is required");
        api.post(MINE, auth, "{\"name\":\"   \",\"password\":\"careless-password\"}").expectError(400, "Field 'name' must not be blank");
        api.post(MINE, auth, create(longName, false, "careless-password")).expectError(400, "Field 'name' size must be between 0 and 100");
        api.post(MINE, auth, "{\"name\":\"a\\u0007b\",\"password\":\"careless-password\"}")
                .expectError(400, "Field 'name' must not contain control characters");
        api.post(MINE, auth, "{\"name\":42,\"password\":\"careless-password\"}").expectError(400, "Field 'name' must be a string");
        api.post(MINE, auth, "{\"name\":\"n\",\"read_only\":\"yes\",\"password\":\"careless-password\"}")
                .expectError(400, "Field 'read_only' must be true or false");
        api.post(MINE, auth, "{\"name\":\"n\",\"read_only\":1,\"password\":\"careless-password\"}")
                .expectError(400, "Field 'read_only' must be true or false");
        api.post(MINE, auth, "{\"name\":\"n\"}").expectError(400, "Field 'password' is required");
        api.post(MINE, auth, "{\"name\":\"n\",\"password\":\"n\",\"name\":\"m\"}").expectError(400, "Invalid request body: duplicate key 'name'");
        api.post(MINE, auth, create("n", false, "not-my-password")).expectError(403, "The current password is not correct.");
        api.postChunked(MINE, auth, 2 * 1024 * 1024).expectError(413, "Request body too large");
        api.delete(MINE + "/abc", auth).expectError(400, "Path parameter 'id' must be a positive integer");
        api.delete(MINE + "/0", auth).expectError(400, "Path parameter 'id' must be a positive integer");
        api.delete(MINE + "/" + othersId, auth).expectError(404, "App password not found"); // someone else's: not even told it exists
        api.delete(MINE + "/999999999", auth).expectError(404, "App password not found");
        api.get("/api/users/abc/app-passwords", admin()).expectError(400, "Path parameter 'id' must be a positive integer");
        assertEquals(before, appPasswords(user) + appPasswords(other), "nothing written");

        db.update("DELETE FROM login_failures");
        for (int i = 0; i < 50; i++) {
            db.update("INSERT INTO app_passwords (user_id, name, read_only, password_hash, created_at) VALUES (?, ?, false, ?, now())",
                    user.id(), "filler " + i, TokenLifecycleIT.sha256Unchecked("filler-" + user.id() + "-" + i));
        }
        api.post(MINE, auth, create("fifty-first", false, user.password()))
                .expectError(409, "A user may have at most 50 app passwords: revoke one first");
        assertEquals(50, db.count("SELECT COUNT(*) FROM app_passwords WHERE user_id = ?", user.id()));
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static String create(String name, boolean readOnly, String password) {
        return Json.createObjectBuilder().add("name", name).add("read_only", readOnly).add("password", password).build().toString();
    }

    /** Every app-password row of the user, to compare before and after. */
    private String appPasswords(Api.TestUser user) {
        return db.column("SELECT id || name || read_only || password_hash || created_at || coalesce(last_used_at::text, '-') "
                + "FROM app_passwords WHERE user_id = ? ORDER BY id", user.id()).toString();
    }

    private String appPasswordsButTheirUse(Api.TestUser user) {
        return db.column("SELECT id || name || read_only || password_hash || created_at FROM app_passwords WHERE user_id = ? ORDER BY id",
                user.id()).toString();
    }

    private String databases(Api.TestUser user) {
        return db.column("SELECT id || name FROM databases WHERE owner_id = ? ORDER BY id", user.id()).toString();
    }

    private long userFailures(Api.TestUser user) {
        List<Object> failures = db.column("SELECT failures FROM login_failures WHERE throttle_key = ?", "user:" + user.username());
        return failures.isEmpty() ? 0 : ((Number) failures.get(0)).longValue();
    }

    /** A JSON object without some of its fields, to compare the rest. */
    private static final class JsonObjectWithout {
        private JsonObjectWithout() {
        }

        static JsonObject of(JsonObject json, String field) {
            var copy = Json.createObjectBuilder(json);
            copy.remove(field);
            return copy.build();
        }
    }
}
