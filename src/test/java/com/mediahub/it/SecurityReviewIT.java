package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/**
 * The findings of the outside security review (issue 12), one test per item, against the real
 * WAR on Payara Micro and PostgreSQL. Items that need a server of their own (a log to read, a
 * fresh database, a restart) are in {@link SecurityReviewServerIT}.
 */
class SecurityReviewIT extends DeployedWar {

    private static final String TOO_MANY = "Too many failed login attempts; try again later";

    private RawHttp raw() {
        return new RawHttp(base);
    }

    private long sessionsOf(long userId) {
        return db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ?", userId);
    }

    @Test
    void item01_anAccessTokenNeverReachesTheTokenEndpointThroughPathParameters() {
        Api.TestUser user = api.createUser("minting", "minting-password", "user");
        Api.Tokens tokens = api.login(user.username(), user.password());
        long before = sessionsOf(user.id());
        for (String path : List.of("/api/token;x", "/api/token;", "/api/token;/", "/api/token%3Bx", "/api/%74oken",
                "/api/./token", "/api/x/../token")) {
            RawHttp.Response response = raw().send(null, "POST", path, null, "Authorization: Bearer " + tokens.access());
            assertEquals(400, response.status(), path + " -> " + response);
            assertTrue(response.body().contains("Invalid request path"), response.toString());
            assertFalse(response.body().contains("access_token"), response.toString());
        }
        // the cookie form of the same attack
        Reply cookieLogin = api.send("POST", "/api/token?delivery=cookie", user.basic(), null, null).expect(200);
        String accessCookie = cookieLogin.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.contains("access_token=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        RawHttp.Response viaCookie = raw().send(null, "POST", "/api/token;x?delivery=cookie", null, "Cookie: " + accessCookie);
        assertEquals(400, viaCookie.status(), viaCookie.toString());
        assertEquals(before + 1, sessionsOf(user.id()), "only the cookie login made a session");
        // and on the plain path a Bearer token is refused as the contract says
        api.post("/api/token", Api.bearer(tokens.access()), null).expectError(401, "Authentication failed");
    }

    @Test
    void item01_sessionsPerUserAreCappedAndTheOldestGoes() {
        Api.TestUser user = api.createUser("capped", "capped-password", "user");
        Api.Tokens oldest = api.login(user.username(), user.password());
        for (int i = 0; i < 100; i++) {
            api.login(user.username(), user.password());
        }
        assertEquals(100, sessionsOf(user.id()), "at most [auth] max_sessions_per_user (100) live sessions");
        api.refresh(oldest.refresh()).expectError(401, "Invalid or expired refresh token");
    }

    @Test
    void item02_parallelWrongPasswordsCannotAllPassTheThrottle() throws Exception {
        Api.TestUser user = api.createUser("raced", "raced-password", "user");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/users/me")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", Api.basic(user.username(), "wrong-" + i)).GET().build();
            responses.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            statuses.merge(response.get().statusCode(), 1, Integer::sum);
        }
        assertTrue(statuses.getOrDefault(401, 0) <= 10, "at most max_failures (10) wrong passwords were checked: " + statuses);
        assertTrue(statuses.getOrDefault(429, 0) > 0, "the rest were throttled: " + statuses);
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 401 || s == 429 || s == 503), statuses.toString());
    }

    @Test
    void item03_guessesFromManyAddressesDoNotLockTheOwnerOut() {
        Api.TestUser user = api.createUser("owner", "owner-password", "user");
        for (int i = 2; i <= 11; i++) {
            RawHttp.Response guess = raw().send("127.0.0." + i, "GET", "/api/users/me", null,
                    "Authorization: " + Api.basic(user.username(), "guess-" + i));
            assertEquals(401, guess.status(), guess.toString());
        }
        for (int again = 0; again < 2; again++) { // three guesses at this user from one network are forgiven
            RawHttp.Response guess = raw().send("127.0.0.2", "GET", "/api/users/me", null,
                    "Authorization: " + Api.basic(user.username(), "guess-again-" + again));
            assertEquals(401, guess.status(), guess.toString());
        }
        RawHttp.Response attackerAgain = raw().send("127.0.0.2", "GET", "/api/users/me", null,
                "Authorization: " + Api.basic(user.username(), "guess-again"));
        assertEquals(429, attackerAgain.status(), "a network that keeps guessing at this user is refused: " + attackerAgain);
        RawHttp.Response typo = raw().send("127.0.0.12", "GET", "/api/users/me", null,
                "Authorization: " + Api.basic(user.username(), "owner-passwrod"));
        assertEquals(401, typo.status(), "the owner's typo is an ordinary failure: " + typo);
        RawHttp.Response owner = raw().send("127.0.0.12", "GET", "/api/users/me", null, "Authorization: " + user.basic());
        assertEquals(200, owner.status(), "the owner's right password still works from the owner's network: " + owner);
    }

    @Test
    void item04_theCurrentPasswordCheckIsThrottled() {
        Api.TestUser user = api.createUser("guessed", "guessed-password", "user");
        String bearer = Api.bearer(api.login(user.username(), user.password()).access());
        String path = "/api/users/" + user.id() + "/password";
        for (int i = 0; i < 10; i++) {
            api.send("PUT", path, bearer, "{\"current_password\":\"guess-" + i + "\",\"new_password\":\"new-password-1\"}",
                    "application/json").expectError(403, "The current password is not correct.");
        }
        Reply blocked = api.send("PUT", path, bearer, "{\"current_password\":\"guessed-password\",\"new_password\":\"new-password-1\"}",
                "application/json").expectError(429, TOO_MANY);
        assertTrue(Long.parseLong(blocked.header("Retry-After")) > 0, blocked.body());
        api.get("/api/users/me", user.basic()).expectError(429, TOO_MANY); // the same counters as a login
    }

    @Test
    void item05_aBodyWithoutJsonContentTypeIsRefused() {
        Api.TestUser user = api.createUser("nocontenttype", "nocontenttype-password", "user");
        api.send("POST", "/api/databases", user.basic(), "{\"name\":\"planted\"}", null)
                .expectError(415, "Content-Type must be application/json");
        api.send("POST", "/api/databases", user.basic(), "{\"name\":\"planted\"}", "text/plain")
                .expectError(415, "Content-Type must be application/json");
        assertEquals(0, db.count("SELECT COUNT(*) FROM databases WHERE owner_id = ?", user.id()), "nothing was created");
        api.send("POST", "/api/databases", user.basic(), "{\"name\":\"wanted\"}", "application/json").expect(201);
    }

    @Test
    void item05_crossSiteRequestsWithBasicCredentialsAreRefused() {
        Api.TestUser user = api.createUser("crosssite", "crosssite-password", "user");
        Api.Tokens session = api.login(user.username(), user.password());
        api.send("POST", "/api/logout-all", user.basic(), null, null, "Sec-Fetch-Site", "cross-site")
                .expectError(403, "Cross-site requests with Basic credentials are refused");
        api.send("POST", "/api/logout-all", user.basic(), null, null, "Origin", "http://evil.example")
                .expectError(403, "Cross-site requests with Basic credentials are refused");
        api.refresh(session.refresh()).expect(200); // nothing was revoked
        api.send("POST", "/api/logout-all", user.basic(), null, null, "Sec-Fetch-Site", "same-origin").expect(200);
    }

    @Test
    void item06_aNulInAUsernameOrFieldIsAClear4xx() {
        api.get("/api/users/me", Api.basic("ad\u0000min", "whatever")).expectError(401, "Authentication failed");
        api.post("/api/token", null, "{\"username\":\"ad\\u0000min\",\"password\":\"x\"}").expectError(401, "Authentication failed");
        Api.TestUser user = api.createUser("nul", "nul-password-1", "user");
        api.post("/api/databases", user.basic(), "{\"name\":\"a\\u0000b\"}")
                .expectError(400, "Field 'name' must not contain control characters");
    }

    @Test
    void item07_aBodyThatNeverArrivesIsA408() {
        Api.TestUser user = api.createUser("slow", "slow-password-1", "user");
        RawHttp.Response response = raw().sendIncompleteBody("POST", "/api/databases", 100, "{", Duration.ofSeconds(40),
                "Authorization: " + user.basic(), "Content-Type: application/json");
        assertEquals(408, response.status(), response.toString());
        assertTrue(response.body().contains("Request body not received in time"), response.toString());
        assertTrue(response.took().toSeconds() < 25, "cut off by the read timeout, not the default 30 s: " + response);
        api.get("/api/health", null).expect(200);
    }

    @Test
    void item10_thePlatformsOwnMetricsAndOpenApiAreNotPublic() {
        String root = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        Api server = new Api(root);
        // Not even registered (issue 15): here, outside the application's context, the server's 404.
        // At context root "/" (run.sh) see SecurityReviewServerIT.
        for (String path : List.of("/metrics", "/metrics/base", "/openapi", "/openapi/", "/openapi/application.wadl")) {
            Reply reply = server.get(path, null);
            assertEquals(404, reply.status(), path + " -> " + reply.body());
            assertFalse(reply.body().contains("jvm") || reply.body().contains("openapi:"), path + " -> " + reply.body());
        }
    }

    @Test
    void item11_twoAuthorizationHeadersAreA400() {
        Api.TestUser user = api.createUser("twoheaders", "twoheaders-password", "user");
        RawHttp.Response response = raw().send(null, "GET", "/api/users/me", null,
                "Authorization: " + user.basic(), "Authorization: Bearer not-a-token");
        assertEquals(400, response.status(), response.toString());
        assertTrue(response.body().contains("Only one Authorization header is allowed"), response.toString());
    }

    @Test
    void item13_anUnknownMethodOnAStaticPathGetsJson() {
        RawHttp.Response response = raw().send(null, "FOO", "/index.html", null);
        assertTrue(response.status() >= 400 && response.status() < 600, response.toString());
        assertTrue(response.header("Content-Type").startsWith("application/json"), response.toString());
        assertTrue(response.body().startsWith("{\"error\":"), response.toString());
    }

    /**
     * A path ENDING in {@code /..} never reaches the WAR on Payara: Grizzly's URI normaliser fails
     * on it (ArrayIndexOutOfBoundsException in HttpRequestURIDecoder.normalizeBytes) and the
     * container answers a bodiless 200 itself; docs/operations.md "Behind a proxy" refuses it there. Every
     * dot segment that does reach the application is refused by it.
     */
    @Test
    void item13_dotSegmentsUnderTheApiAreRefused() {
        for (String path : List.of("/api/users/../users/me", "/api/users/./me", "/api/./users/me")) {
            RawHttp.Response response = raw().send(null, "GET", path, null, "Authorization: " + admin());
            assertEquals(400, response.status(), path + " -> " + response);
            assertTrue(response.body().contains("Invalid request path"), response.toString());
        }
    }

    @Test
    void item13_noServerHeader() {
        Reply reply = api.get("/api/health", null).expect(200);
        assertNull(reply.headers().firstValue("Server").orElse(null), "Server: " + reply.header("Server"));
        assertNull(reply.headers().firstValue("X-Powered-By").orElse(null), "X-Powered-By: " + reply.header("X-Powered-By"));
    }

    @Test
    void item13_theRefreshCookieGoesOnlyToTheRefreshEndpointAndLogoutFindsTheSessionBySid() {
        Api.TestUser user = api.createUser("narrow", "narrow-password", "user");
        Reply login = api.send("POST", "/api/token?delivery=cookie", user.basic(), null, null).expect(200);
        Map<String, String> jar = new TreeMap<>();
        String refreshCookie = null;
        for (String setCookie : login.headers().allValues("Set-Cookie")) {
            jar.put(setCookie.substring(0, setCookie.indexOf('=')), setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';')));
            if (setCookie.contains("refresh_token=")) {
                refreshCookie = setCookie;
            }
        }
        assertTrue(refreshCookie.contains("; Path=/mediahub/api/token/refresh;"), refreshCookie);
        // what a browser sends to /api/logout now: the access and CSRF cookies, not the refresh cookie
        String cookies = "__Secure-access_token=" + jar.get("__Secure-access_token") + "; __Secure-csrf_token=" + jar.get("__Secure-csrf_token");
        assertEquals(1, sessionsOf(user.id()));
        api.send("POST", "/api/logout", null, "{}", "application/json", "Cookie", cookies,
                "X-CSRF-Token", jar.get("__Secure-csrf_token")).expect(200);
        assertEquals(0, sessionsOf(user.id()), "the access cookie's session was ended");
    }

    @Test
    void item13_aRefreshWithoutContentTypeIsRefused() {
        Api.TestUser user = api.createUser("refreshtype", "refreshtype-password", "user");
        Api.Tokens tokens = api.login(user.username(), user.password());
        api.send("POST", "/api/token/refresh", null, Api.refreshBody(tokens.refresh()), null)
                .expectError(415, "Content-Type must be application/json");
        api.refresh(tokens.refresh()).expect(200);
    }

    @Test
    void item13_loneSurrogatesAndDuplicateKeysAreRefused() {
        Api.TestUser user = api.createUser("strictjson", "strictjson-password", "user");
        api.post("/api/databases", user.basic(), "{\"name\":\"a\\ud800b\"}").expectError(400, "Field 'name' must be valid Unicode text");
        api.post("/api/databases", user.basic(), "{\"name\":\"first\",\"name\":\"second\"}")
                .expectError(400, "Invalid request body: duplicate key 'name'");
        assertEquals(0, db.count("SELECT COUNT(*) FROM databases WHERE owner_id = ?", user.id()));
    }

    @Test
    void item09_lookAlikeUsernamesAreRefusedAndCaseVariantsAreTheSameAccount() {
        String admin = admin();
        for (String lookAlike : List.of("Admin", "ADMIN", "\uFF41\uFF44\uFF4D\uFF49\uFF4E", "\u0430dmin", "adm\u0131n")) {
            Reply reply = api.post("/api/users", admin,
                    jakarta.json.Json.createObjectBuilder().add("username", lookAlike).add("password", "lookalike-password").build().toString());
            assertEquals(409, reply.status(), lookAlike + " -> " + reply.body());
        }
        api.post("/api/users", admin, "{\"username\":\"\uD835\uDC1A\uD835\uDC1D\uD835\uDC26\uD835\uDC22\uD835\uDC27\",\"password\":\"lookalike-password\"}")
                .expect(400);
        api.get("/api/users/me", Api.basic("ADMIN", ItEnvironment.adminPassword())).expect(200);
        assertEquals("admin", api.get("/api/users/me", Api.basic("Admin", ItEnvironment.adminPassword())).json().getString("username"));
    }
}
