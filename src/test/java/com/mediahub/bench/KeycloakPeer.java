package com.mediahub.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The same scenarios against Keycloak (bench/peer-keycloak.sh starts it with realm "bench" and
 * public client "bench"): password login and refresh with rotation at the realm's token endpoint,
 * the Bearer check at its userinfo endpoint, the realm document as the unauthenticated request.
 * Same virtual users, connections and measurement as MediaHub's ({@link LoadHarness}).
 */
final class KeycloakPeer {

    private static final String REALM = "/realms/bench";
    private static final String TOKEN = REALM + "/protocol/openid-connect/token";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final String base;
    private final String adminPassword;
    private final String password;
    private final HttpClient http;
    private final Map<Integer, String> users = new LinkedHashMap<>();

    KeycloakPeer(String base, String adminPassword, String password, HttpClient http) {
        this.base = base;
        this.adminPassword = adminPassword;
        this.password = password;
        this.http = http;
    }

    /** As MediaHub's scenarios: logins with 4 clients (the hash saturates two cores), the rest with 8. */
    int concurrency(String scenario) {
        return scenario.equals("login") ? 4 : 8;
    }

    LoadHarness.VirtualUser virtualUser(String scenario, Supplier<KeepAliveConnection> connections) {
        return switch (scenario) {
            case "public" -> vu -> {
                KeepAliveConnection c = connections.get();
                return () -> c.send("GET", REALM, null, null).status() == 200;
            };
            case "bearer" -> vu -> {
                String bearer = "Bearer " + field(login(user(vu)), "access_token");
                KeepAliveConnection c = connections.get();
                return () -> c.send("GET", REALM + "/protocol/openid-connect/userinfo", bearer, null).status() == 200;
            };
            case "refresh" -> vu -> {
                String[] token = {field(login(user(vu)), "refresh_token")};
                KeepAliveConnection c = connections.get();
                return () -> {
                    KeepAliveConnection.Response response = c.send("POST", TOKEN, null, FORM,
                            "grant_type=refresh_token&client_id=bench&refresh_token=" + token[0]);
                    if (response.status() != 200) {
                        return false;
                    }
                    token[0] = LoadHarness.refreshTokenOf(response.body());
                    return true;
                };
            };
            case "login" -> vu -> {
                String form = passwordGrant(user(vu));
                KeepAliveConnection c = connections.get();
                return () -> c.send("POST", TOKEN, null, FORM, form).status() == 200;
            };
            default -> throw new IllegalArgumentException("no peer scenario " + scenario);
        };
    }

    private String passwordGrant(String username) {
        // scope=openid: Keycloak's userinfo answers only tokens issued for OpenID Connect.
        return "grant_type=password&client_id=bench&scope=openid&username=" + encode(username) + "&password=" + encode(password);
    }

    private String login(String username) throws Exception {
        HttpResponse<String> response = form(TOKEN, passwordGrant(username));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak login failed: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** A realm user with the attributes Keycloak's default user profile requires, so a direct grant works. */
    private synchronized String user(int vu) throws Exception {
        String existing = users.get(vu);
        if (existing != null) {
            return existing;
        }
        String admin = field(form("/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=" + encode(adminPassword)).body(), "access_token");
        String name = "bench-" + vu + "-" + UUID.randomUUID().toString().substring(0, 8);
        String json = "{\"username\":\"" + name + "\",\"enabled\":true,\"email\":\"" + name + "@bench.test\",\"emailVerified\":true,"
                + "\"firstName\":\"Bench\",\"lastName\":\"User\",\"credentials\":[{\"type\":\"password\",\"value\":\"" + password
                + "\",\"temporary\":false}]}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/bench/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create Keycloak user: " + created.statusCode() + " " + created.body());
        }
        users.put(vu, name);
        return name;
    }

    private HttpResponse<String> form(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
