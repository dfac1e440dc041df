package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.json.JsonObject;

/**
 * Cookie mode for browsers (issue 6, part 1): tokens in HttpOnly cookies, the access cookie as a
 * credential, double-submit CSRF for every cookie-authenticated change, refresh and logout by
 * cookie. The server runs under context root /mediahub with the default [cookie] secure = true,
 * so the names carry __Secure- (no __Host-: that prefix needs Path=/).
 */
class CookieModeIT extends DeployedWar {

    private static final String ACCESS = "__Secure-access_token";
    private static final String REFRESH = "__Secure-refresh_token";
    private static final String CSRF = "__Secure-csrf_token";

    private Api.TestUser user;

    @BeforeEach
    void user() {
        user = api.createUser("cookie", "cookie-password", "user");
    }

    /** name -> full Set-Cookie value */
    private static Map<String, String> setCookies(Reply reply) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String value : reply.headers().allValues("Set-Cookie")) {
            cookies.put(value.substring(0, value.indexOf('=')), value);
        }
        return cookies;
    }

    private static String valueOf(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private Map<String, String> cookieLogin() {
        Reply reply = api.send("POST", "/api/token?delivery=cookie", user.basic(), null, null).expect(200);
        assertEquals("no-store", reply.header("Cache-Control"));
        Map<String, String> set = setCookies(reply);
        Map<String, String> jar = new LinkedHashMap<>();
        set.forEach((name, value) -> jar.put(name, valueOf(value)));
        return jar;
    }

    private static String cookieHeader(Map<String, String> jar, String... names) {
        StringBuilder header = new StringBuilder();
        for (String name : names) {
            header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(jar.get(name));
        }
        return header.toString();
    }

    @Test
    void tokensTravelInCookiesWithTheConfiguredAttributes() {
        Reply reply = api.send("POST", "/api/token?delivery=cookie", user.basic(), null, null).expect(200);
        JsonObject body = reply.json();
        assertFalse(body.containsKey("access_token") || body.containsKey("refresh_token"), "no token in the body: " + body);
        assertEquals(300, body.getInt("expires_in"));
        Map<String, String> set = setCookies(reply);
        // (the refresh name comes first: a deletion of the cookie at its pre-narrowing path /mediahub/api)
        assertEquals(java.util.Set.of(ACCESS, REFRESH, CSRF), set.keySet());
        assertTrue(reply.headers().allValues("Set-Cookie").get(0).startsWith(REFRESH + "=; Path=/mediahub/api; Max-Age=0;"),
                reply.headers().allValues("Set-Cookie").toString());
        assertTrue(set.get(ACCESS).endsWith("; Path=/mediahub/; Max-Age=300; Secure; HttpOnly; SameSite=Lax"), set.get(ACCESS));
        assertTrue(set.get(REFRESH).endsWith("; Path=/mediahub/api/token/refresh; Max-Age=86400; Secure; HttpOnly; SameSite=Lax"), set.get(REFRESH));
        assertTrue(set.get(CSRF).endsWith("; Path=/mediahub/; Max-Age=86400; Secure; SameSite=Lax"), set.get(CSRF));
        assertFalse(set.get(CSRF).contains("HttpOnly"), "JavaScript must read the CSRF cookie");
        assertEquals(1, db.count("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ?",
                TokenLifecycleIT.sha256Unchecked(valueOf(set.get(REFRESH)))));
    }

    @Test
    void theAccessCookieAuthenticatesAndChangesNeedTheCsrfHeader() {
        Map<String, String> jar = cookieLogin();
        String cookies = cookieHeader(jar, ACCESS, CSRF);
        api.send("GET", "/api/users/me", null, null, null, "Cookie", cookies).expect(200);

        String create = "{\"name\":\"csrf\"}";
        api.send("POST", "/api/databases", null, create, "application/json", "Cookie", cookies)
                .expectError(403, "CSRF token missing or invalid");
        api.send("POST", "/api/databases", null, create, "application/json", "Cookie", cookies, "X-CSRF-Token", "forged")
                .expectError(403, "CSRF token missing or invalid");
        assertEquals(0, db.count("SELECT COUNT(*) FROM databases WHERE owner_id = ?", user.id()), "nothing changed");
        api.send("POST", "/api/databases", null, create, "application/json", "Cookie", cookies, "X-CSRF-Token", jar.get(CSRF))
                .expect(201);

        // Header-authenticated requests are not subject to the CSRF check.
        Api.Tokens tokens = api.login(user.username(), user.password());
        api.post("/api/databases", Api.bearer(tokens.access()), create).expect(201);
        api.send("GET", "/api/users/me", null, null, null, "Cookie", ACCESS + "=garbage").expectError(401, "Invalid token");
    }

    /** The web app's rename, edit and delete calls (issue 16) need the header like every change. */
    @Test
    void patchAndDeleteByCookieNeedTheCsrfHeaderToo() {
        Map<String, String> jar = cookieLogin();
        String cookies = cookieHeader(jar, ACCESS, CSRF);
        long database = api.post("/api/databases", user.basic(), "{\"name\":\"kept\"}").expect(201).json().getJsonNumber("id").longValue();
        long entry = api.post("/api/entry", user.basic(), "{\"database_id\":" + database + ",\"title\":\"kept\"}").expect(201).json()
                .getJsonNumber("id").longValue();
        String rename = "{\"name\":\"changed\"}";
        for (String[] call : new String[][] {{"PATCH", "/api/databases/" + database, rename}, {"PATCH", "/api/entry/" + entry, "{\"title\":\"changed\"}"},
                {"DELETE", "/api/entry/" + entry, null}, {"DELETE", "/api/databases/" + database, null}}) {
            api.send(call[0], call[1], null, call[2], call[2] == null ? null : "application/json", "Cookie", cookies)
                    .expectError(403, "CSRF token missing or invalid");
            api.send(call[0], call[1], null, call[2], call[2] == null ? null : "application/json", "Cookie", cookies,
                    "X-CSRF-Token", "forged").expectError(403, "CSRF token missing or invalid");
        }
        assertEquals(1, db.count("SELECT COUNT(*) FROM databases WHERE id = ? AND name = 'kept'", database), "nothing changed");
        assertEquals(1, db.count("SELECT COUNT(*) FROM entries WHERE id = ? AND title = 'kept'", entry), "nothing changed");
        api.send("PATCH", "/api/entry/" + entry, null, "{\"title\":\"changed\"}", "application/json", "Cookie", cookies,
                "X-CSRF-Token", jar.get(CSRF)).expect(200);
        api.send("DELETE", "/api/databases/" + database, null, null, null, "Cookie", cookies, "X-CSRF-Token", jar.get(CSRF)).expect(204);
    }

    @Test
    void refreshByCookieRotatesTheCookieAndNeedsCsrf() {
        Map<String, String> jar = cookieLogin();
        String cookies = cookieHeader(jar, REFRESH, CSRF);
        api.send("POST", "/api/token/refresh", null, "{}", "application/json", "Cookie", cookies)
                .expectError(403, "CSRF token missing or invalid");
        Reply rotated = api.send("POST", "/api/token/refresh", null, "{}", "application/json", "Cookie", cookies,
                "X-CSRF-Token", jar.get(CSRF)).expect(200);
        Map<String, String> set = setCookies(rotated);
        String newRefresh = valueOf(set.get(REFRESH));
        assertFalse(newRefresh.equals(jar.get(REFRESH)), "the refresh cookie rotates");
        assertFalse(rotated.json().containsKey("refresh_token"));
        api.refresh(jar.get(REFRESH)).expectError(401, "Invalid or expired refresh token");
        api.refresh(newRefresh).expect(200);
    }

    @Test
    void logoutClearsTheCookiesAndKillsTheRefreshToken() {
        Map<String, String> jar = cookieLogin();
        String cookies = cookieHeader(jar, ACCESS, REFRESH, CSRF);
        api.send("POST", "/api/logout", null, "{}", "application/json", "Cookie", cookies)
                .expectError(403, "CSRF token missing or invalid");
        Reply out = api.send("POST", "/api/logout", null, "{}", "application/json", "Cookie", cookies,
                "X-CSRF-Token", jar.get(CSRF)).expect(200);
        Map<String, String> cleared = setCookies(out);
        assertEquals(List.of(ACCESS, REFRESH, CSRF), List.copyOf(cleared.keySet()));
        cleared.values().forEach(c -> assertTrue(c.startsWith(c.substring(0, c.indexOf('=')) + "=;") && c.contains("Max-Age=0"), c));
        api.refresh(jar.get(REFRESH)).expectError(401, "Invalid or expired refresh token");
    }

    @Test
    void logoutEverywhereByCookieClearsTheCookiesAndEndsEverySession() {
        Map<String, String> jar = cookieLogin();
        Api.Tokens other = api.login(user.username(), user.password());
        String cookies = cookieHeader(jar, ACCESS, REFRESH, CSRF);
        api.send("POST", "/api/logout-all", null, null, null, "Cookie", cookies)
                .expectError(403, "CSRF token missing or invalid");
        Reply out = api.send("POST", "/api/logout-all", null, null, null, "Cookie", cookies,
                "X-CSRF-Token", jar.get(CSRF)).expect(200);
        assertEquals(2, out.json().getInt("revoked"), out.body());
        Map<String, String> cleared = setCookies(out);
        assertEquals(List.of(ACCESS, REFRESH, CSRF), List.copyOf(cleared.keySet()));
        cleared.values().forEach(c -> assertTrue(c.contains("Max-Age=0"), c));
        api.refresh(other.refresh()).expectError(401, "Invalid or expired refresh token");
    }

    @Test
    void scriptRequestsGetNoBasicChallengeSoBrowsersShowNoLoginDialog() {
        Reply script = api.send("GET", "/api/users/me", null, null, null, "X-Requested-With", "XMLHttpRequest")
                .expect(401);
        assertEquals("Bearer realm=\"mediahub\"", script.header("WWW-Authenticate"), script.body());
        Reply plain = api.send("GET", "/api/users/me", null, null, null).expect(401);
        assertTrue(plain.header("WWW-Authenticate").startsWith("Basic realm=\"mediahub\""), plain.body());
        Reply login = api.send("POST", "/api/token?delivery=cookie", Api.basic(user.username(), "wrong-password"), null, null,
                "X-Requested-With", "XMLHttpRequest").expectError(401, "Authentication failed");
        assertEquals("Bearer realm=\"mediahub\"", login.header("WWW-Authenticate"), login.body());
    }

    @Test
    void aRefusedCookieRefreshClearsTheDeadSessionsCookies() {
        Map<String, String> jar = cookieLogin();
        api.send("POST", "/api/logout", Api.basic(user.username(), user.password()),
                Api.refreshBody(jar.get(REFRESH)), "application/json").expect(200);
        Reply refused = api.send("POST", "/api/token/refresh", null, "{}", "application/json",
                "Cookie", cookieHeader(jar, REFRESH, CSRF), "X-CSRF-Token", jar.get(CSRF))
                .expectError(401, "Invalid or expired refresh token");
        Map<String, String> cleared = setCookies(refused);
        assertEquals(List.of(ACCESS, REFRESH, CSRF), List.copyOf(cleared.keySet()), refused.headers().toString());
        cleared.values().forEach(c -> assertTrue(c.contains("Max-Age=0"), c));
    }

    @Test
    void rememberedBasicCredentialsCannotDriveAFormPost() {
        Api.Tokens session = api.login(user.username(), user.password());
        for (String formType : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain")) {
            api.send("POST", "/api/logout-all", user.basic(), "a=b", formType)
                    .expectError(415, "Content-Type must be application/json");
        }
        api.refresh(session.refresh()).expect(200); // nothing was revoked
        api.send("POST", "/api/logout-all", user.basic(), null, null).expect(200); // no body: a normal API call
    }
}
