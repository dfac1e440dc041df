package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mediahub.auth.apppassword.control.AppPasswordFormat;

/**
 * Every security event leaves one audit line with ids and the client address; and the server's
 * whole log, after a run through every event, contains none of the tokens, token hashes,
 * passwords or the secret that the run used.
 */
class AuditLogIT {

    @TempDir
    Path workDir;

    @Test
    void everyEventIsAuditedAndNoSecretIsEverLogged() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(ItEnvironment.jwtSecret(), ItEnvironment.adminPassword()));
        String log;
        long userId;
        try (PayaraProcess server = new PayaraProcess(ItEnvironment.serverOn(ItEnvironment.AUDIT_DB, "it-config.toml"),
                workDir, "audit").start()) {
            Api api = new Api(server.baseUrl());
            Api.Tokens admin = remember(secrets, api.login("admin", ItEnvironment.adminPassword()));
            Api.TestUser user = api.createUser("audited", "audited-password-1", "user");
            userId = user.id();
            secrets.add(user.password());

            twoFactorEvents(api, admin, secrets);
            appPasswordEvents(api, secrets);

            Api.Tokens first = remember(secrets, api.login(user.username(), user.password()));       // login.ok
            Api.Tokens second = remember(secrets, tokens(api.refresh(first.refresh()).expect(200)));  // refresh.ok
            api.refresh(first.refresh()).expect(401);                                                 // refresh.replay_within_grace
            Thread.sleep(2_500);
            api.refresh(first.refresh()).expect(401);                                                 // refresh.reuse_detected
            Api.Tokens third = remember(secrets, api.login(user.username(), user.password()));
            api.post("/api/logout", Api.bearer(third.access()), Api.refreshBody(third.refresh())).expect(200); // logout
            Api.Tokens fourth = remember(secrets, api.login(user.username(), user.password()));
            api.post("/api/logout-all", Api.bearer(fourth.access()), null).expect(200);              // logout_all
            secrets.add("audited-new-password");
            api.send("PUT", "/api/users/" + user.id() + "/password", user.basic(),
                    "{\"current_password\":\"audited-password-1\",\"new_password\":\"audited-new-password\"}",
                    "application/json").expect(200);                                                 // password.changed
            api.delete("/api/users/" + user.id() + "/sessions", Api.bearer(admin.access())).expect(200); // sessions.revoked_by_admin
            for (int i = 0; i < 10; i++) {
                String guess = "wrong-guess-" + i;
                secrets.add(guess);
                api.get("/api/users/me", Api.basic(user.username(), guess)).expect(401);             // login.failed
            }
            api.get("/api/users/me", Api.basic(user.username(), "audited-new-password")).expect(429); // login.throttled
            api.delete("/api/users/" + user.id(), Api.basic("admin", ItEnvironment.adminPassword())).expect(429);
            api.delete("/api/users/" + user.id(), Api.bearer(admin.access())).expect(204);              // user.deleted
            assertTrue(second.access().length() > 0);
            server.stop();
            log = server.logText();
        }

        for (String event : List.of("login.ok", "refresh.ok", "refresh.replay_within_grace", "refresh.reuse_detected",
                "logout", "logout_all", "password.changed", "sessions.revoked_by_admin", "login.failed", "login.throttled",
                "user.deleted", "mfa.enabled", "login.second_factor_failed", "mfa.recovery_code_used", "mfa.disabled",
                "mfa.reset", "app_password.created", "login.app_password_failed", "app_password.revoked")) {
            assertTrue(log.contains("event=" + event + " user="), "no audit line for " + event);
        }
        assertTrue(log.contains("event=login.ok user=" + userId + " address=127.0.0.1 session="), "ids and address are logged");

        List<String> leaked = secrets.stream().filter(log::contains).map(s -> s.substring(0, Math.min(12, s.length())) + "...").toList();
        assertEquals(List.of(), leaked, "secrets found in the server log");
    }

    /** Issue 18's events; the TOTP secret, its ciphertext, every code and recovery code join the secrets. */
    private static void twoFactorEvents(Api api, Api.Tokens admin, List<String> secrets) throws Exception {
        Api.TestUser user = api.createUser("audited-totp", "audited-totp-password", "user");
        secrets.add(user.password());
        String access = remember(secrets, api.login(user.username(), user.password())).access();
        String secret = api.post("/api/users/me/totp", Api.bearer(access), "{\"password\":\"" + user.password() + "\"}")
                .expect(201).json().getString("secret");
        secrets.add(secret);
        secrets.add((String) new Db(ItEnvironment.AUDIT_DB).single("SELECT secret FROM totp_enrolments WHERE user_id = ?", user.id()));
        SecondFactorIT.awaitRoomInStep();
        long step = SecondFactorIT.currentStep();
        String code = SecondFactorIT.codeAt(secret, step);
        secrets.add(code);
        Reply confirmed = api.post("/api/users/me/totp/confirm", Api.bearer(access), "{\"code\":\"" + code + "\"}").expect(200); // mfa.enabled
        List<String> recovery = confirmed.json().getJsonArray("recovery_codes").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        secrets.addAll(recovery);
        String login = "{\"username\":\"" + user.username() + "\",\"password\":\"" + user.password() + "\",\"otp\":\"%s\"}";
        api.post("/api/token", null, String.format(login, "000000".equals(SecondFactorIT.codeAt(secret, step + 1)) ? "111111" : "000000"))
                .expect(401);                                                                              // login.second_factor_failed
        Api.Tokens signedIn = remember(secrets, tokens(api.post("/api/token", null, String.format(login, recovery.get(0)))
                .expect(200)));                                                                            // mfa.recovery_code_used
        String next = SecondFactorIT.codeAt(secret, step + 1);
        secrets.add(next);
        api.send("DELETE", "/api/users/me/totp", Api.bearer(signedIn.access()),
                "{\"password\":\"" + user.password() + "\",\"code\":\"" + next + "\"}", "application/json").expect(204); // mfa.disabled
        String again = api.post("/api/users/me/totp", Api.bearer(signedIn.access()), "{\"password\":\"" + user.password() + "\"}")
                .expect(201).json().getString("secret");
        secrets.add(again);
        api.post("/api/users/me/totp/confirm", Api.bearer(signedIn.access()),
                "{\"code\":\"" + SecondFactorIT.codeAt(again, step) + "\"}").expect(200);
        api.delete("/api/users/" + user.id() + "/totp", Api.bearer(admin.access())).expect(200);           // mfa.reset
        new Db(ItEnvironment.AUDIT_DB).update("DELETE FROM login_failures"); // the wrong code: the main run counts from zero
    }

    /** Issue 19's events; the app passwords, their stored hashes and a wrong one join the secrets. */
    private static void appPasswordEvents(Api api, List<String> secrets) throws Exception {
        Api.TestUser user = api.createUser("audited-app", "audited-app-password", "user");
        secrets.add(user.password());
        Reply created = api.post("/api/users/me/app-passwords", user.basic(),
                "{\"name\":\"audit\",\"password\":\"" + user.password() + "\"}").expect(201);     // app_password.created
        String value = created.json().getString("password");
        secrets.add(value);
        secrets.add(TokenLifecycleIT.sha256(value));
        api.get("/api/users/me", Api.basic(user.username(), value)).expect(200);
        String wrong = AppPasswordFormat.generate(new java.security.SecureRandom()); // well-formed, but nobody's
        secrets.add(wrong);
        api.get("/api/users/me", Api.basic(user.username(), wrong)).expect(401);                           // login.app_password_failed
        api.delete("/api/users/me/app-passwords/" + created.json().getJsonNumber("id").longValue(), user.basic())
                .expect(204);                                                                                // app_password.revoked
        new Db(ItEnvironment.AUDIT_DB).update("DELETE FROM login_failures");
    }

    private static Api.Tokens tokens(Reply reply) {
        return new Api.Tokens(reply.json().getString("access_token"), reply.json().getString("refresh_token"));
    }

    /** Adds both tokens and the refresh token's stored hash to what must never be logged. */
    private static Api.Tokens remember(List<String> secrets, Api.Tokens tokens) throws Exception {
        secrets.add(tokens.access());
        secrets.add(tokens.refresh());
        secrets.add(TokenLifecycleIT.sha256(tokens.refresh()));
        return tokens;
    }
}
