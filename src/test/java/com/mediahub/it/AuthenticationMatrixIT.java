package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The role x endpoint x credential table (contract section 1): every combination gets exactly
 * the status, error text and WWW-Authenticate challenge of the contract.
 */
class AuthenticationMatrixIT extends DeployedWar {

    private static final String BOTH = "Basic realm=\"mediahub\", charset=\"UTF-8\", Bearer realm=\"mediahub\"";
    private static final String INVALID = "Bearer realm=\"mediahub\", error=\"invalid_token\"";
    private static final String EXPIRED = "Bearer realm=\"mediahub\", error=\"invalid_token\", error_description=\"Token expired\"";

    private Api.TestUser user;
    private Map<String, String> credentials;

    @BeforeEach
    void credentials() {
        user = api.createUser("matrix", "user-password-1", "user");
        Api.Tokens userTokens = api.login(user.username(), user.password());
        Api.Tokens adminTokens = api.login("admin", ItEnvironment.adminPassword());
        String secret = ItEnvironment.jwtSecret();
        JwtClaims wrongIssuer = JwtForger.claims(user.id(), user.username(), "user");
        wrongIssuer.setIssuer("not-mediahub");
        credentials = Map.ofEntries(
                Map.entry("none", ""),
                Map.entry("basic user", user.basic()),
                Map.entry("basic user, lower-case scheme", user.basic().replace("Basic", "basic")),
                Map.entry("basic admin", admin()),
                Map.entry("basic wrong password", Api.basic(user.username(), "wrong-password")),
                Map.entry("basic unknown user", Api.basic("nobody-" + user.id(), "user-password-1")),
                Map.entry("basic bad base64", "Basic %%%notbase64"),
                Map.entry("bearer user", Api.bearer(userTokens.access())),
                Map.entry("bearer user, upper-case scheme", "BEARER " + userTokens.access()),
                Map.entry("bearer admin", Api.bearer(adminTokens.access())),
                Map.entry("bearer bad signature", Api.bearer(JwtForger.sign(JwtForger.claims(user.id(), user.username(), "user"), secret + "x"))),
                Map.entry("bearer alg none", Api.bearer(JwtForger.sign(JwtForger.claims(user.id(), user.username(), "admin", "user"), AlgorithmIdentifiers.NONE, null))),
                Map.entry("bearer wrong issuer", Api.bearer(JwtForger.sign(wrongIssuer, secret))),
                Map.entry("bearer expired", Api.bearer(JwtForger.sign(JwtForger.expired(user.id(), user.username(), "user"), secret))),
                Map.entry("bearer malformed", "Bearer not.a.jwt"),
                Map.entry("refresh token as bearer", Api.bearer(userTokens.refresh())),
                Map.entry("unknown scheme", "Digest username=\"x\""),
                Map.entry("scheme only", "Bearer"));
    }

    /** expected: status, then error text and challenge for 401s. */
    private record Row(String credential, String method, String path, int status, String error, String challenge) {
    }

    private static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        String[][] endpoints = {{"GET", "/api/info", "public"}, {"GET", "/api/users/me", "user"}, {"GET", "/api/users", "admin"},
            {"GET", "/api/databases?limit=5", "user"}, {"GET", "/api/users/{user}/sessions", "admin"}};
        for (String[] e : endpoints) {
            String kind = e[2];
            Function<String, Integer> okFor = who -> switch (kind) {
                case "public" -> 200;
                case "user" -> 200;
                default -> who.equals("admin") ? 200 : 403;
            };
            rows.add(unauth("none", e, kind, "Authorization header required", BOTH));
            rows.add(new Row("basic user", e[0], e[1], okFor.apply("user"), null, null));
            rows.add(new Row("basic user, lower-case scheme", e[0], e[1], okFor.apply("user"), null, null));
            rows.add(new Row("basic admin", e[0], e[1], okFor.apply("admin"), null, null));
            rows.add(new Row("bearer user", e[0], e[1], okFor.apply("user"), null, null));
            rows.add(new Row("bearer user, upper-case scheme", e[0], e[1], okFor.apply("user"), null, null));
            rows.add(new Row("bearer admin", e[0], e[1], okFor.apply("admin"), null, null));
            rows.add(unauth("basic wrong password", e, kind, "Authentication failed", BOTH));
            rows.add(unauth("basic unknown user", e, kind, "Authentication failed", BOTH));
            rows.add(unauth("basic bad base64", e, kind, "Authentication failed", BOTH));
            rows.add(unauth("bearer bad signature", e, kind, "Invalid token", INVALID));
            rows.add(unauth("bearer alg none", e, kind, "Invalid token", INVALID));
            rows.add(unauth("bearer wrong issuer", e, kind, "Invalid token", INVALID));
            rows.add(unauth("bearer malformed", e, kind, "Invalid token", INVALID));
            rows.add(unauth("refresh token as bearer", e, kind, "Invalid token", INVALID));
            rows.add(unauth("bearer expired", e, kind, "Token expired", EXPIRED));
            rows.add(unauth("unknown scheme", e, kind, "Invalid authorization header format", BOTH));
            rows.add(unauth("scheme only", e, kind, "Invalid authorization header format", BOTH));
        }
        return rows;
    }

    /** Public endpoints ignore credentials entirely; protected ones answer the 401. */
    private static Row unauth(String credential, String[] endpoint, String kind, String error, String challenge) {
        return kind.equals("public")
                ? new Row(credential, endpoint[0], endpoint[1], 200, null, null)
                : new Row(credential, endpoint[0], endpoint[1], 401, error, challenge);
    }

    @Test
    void everyCredentialOnEveryKindOfEndpoint() {
        List<String> failures = new ArrayList<>();
        for (Row row : table()) {
            String authorization = credentials.get(row.credential());
            String path = row.path().replace("{user}", Long.toString(user.id())); // the matrix user exists only now
            Reply reply = api.send(row.method(), path, authorization.isEmpty() ? null : authorization, null, null);
            String where = row.credential() + " x " + row.method() + " " + row.path();
            if (reply.status() != row.status()) {
                failures.add(where + ": expected " + row.status() + " got " + reply.status() + " " + reply.body());
                continue;
            }
            if (row.status() == 401) {
                if (!row.error().equals(reply.json().getString("error", null))) {
                    failures.add(where + ": error " + reply.body());
                }
                if (!row.challenge().equals(reply.header("WWW-Authenticate"))) {
                    failures.add(where + ": WWW-Authenticate " + reply.header("WWW-Authenticate"));
                }
            } else if (!reply.header("WWW-Authenticate").isEmpty()) {
                failures.add(where + ": unexpected challenge " + reply.header("WWW-Authenticate"));
            }
            if (row.status() == 403 && reply.json().getString("error", "").isBlank()) {
                failures.add(where + ": 403 without a sentence: " + reply.body());
            }
        }
        assertEquals(List.of(), failures, "rows that do not match the contract");
    }

    @Test
    void tokenEndpointWantsBasicCredentialsOnly() {
        api.post("/api/token", null, null).expectError(401, "Authentication failed");
        assertEquals(BOTH, api.post("/api/token", null, null).header("WWW-Authenticate"));
        Api.Tokens tokens = api.login(user.username(), user.password());
        api.post("/api/token", Api.bearer(tokens.access()), null).expectError(401, "Authentication failed");
        api.post("/api/token", "Basic !!!", null).expectError(401, "Authentication failed");
        api.post("/api/token", Api.basic(user.username(), "nope-nope"), null).expectError(401, "Authentication failed");
    }

    @Test
    void passwordsMayContainColonsAndAnyUnicode() {
        Api.TestUser special = api.createUser("ünïcødé", "pa:ss:wörd€-✓", "user");
        api.get("/api/users/me", special.basic()).expect(200);
        assertEquals(special.username(), api.get("/api/users/me", special.basic()).json().getString("username"));
        api.get("/api/users/me", Api.basic(special.username(), "pa")).expectError(401, "Authentication failed");
    }

    /**
     * Oversized headers get a fast 4xx and leave the server healthy. Up to Payara's 8 KB header
     * buffer the application answers (JSON 401); beyond it the server's HTTP parser refuses the
     * request with 400 before the application sees it.
     */
    @Test
    void hugeHeadersGetAFast4xxAndTheServerStaysHealthy() {
        for (int size : new int[]{7 * 1024, 16 * 1024, 64 * 1024}) {
            long started = System.nanoTime();
            Reply reply = api.get("/api/users/me", "Bearer " + "a".repeat(size));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(true, reply.status() >= 400 && reply.status() < 500, size + " bytes: " + reply.status() + " " + reply.body());
            assertEquals(true, millis < 2_000, size + " bytes took " + millis + " ms");
            api.get("/api/health", null).expect(200);
        }
        api.get("/api/users/me", "Bearer " + "a".repeat(7 * 1024)).expectError(401, "Invalid token");
        api.get("/api/users/me", user.basic()).expect(200);
    }

    @Test
    void tokensAreNeverReadFromTheQueryString() {
        Api.Tokens tokens = api.login(user.username(), user.password());
        api.get("/api/users/me?access_token=" + tokens.access(), null).expectError(401, "Authorization header required");
    }

    @Test
    void errorsOfTheContainerAreJsonToo() {
        api.get("/api/no-such-endpoint", user.basic()).expectError(404, "Not found");
        api.get("/no-such-page", null).expectError(404, "Not found");
        api.send("PATCH", "/api/users/me", user.basic(), null, null).expect(405);
        assertEquals(true, api.send("PATCH", "/api/users/me", user.basic(), null, null).header("Content-Type").startsWith("application/json"));
        api.get("/api/users/me", null).expectError(401, "Authorization header required");
        Reply options = api.send("OPTIONS", "/api/users/me", user.basic(), null, null);
        assertEquals(false, options.body().contains("<"), "no WADL/XML: " + options.body());
    }
}
