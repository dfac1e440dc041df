package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import jakarta.json.Json;

/** A black-box HTTP client for the deployed application. */
public final class Api {

    // HTTP/1.1 as curl and most API clients speak it (the JDK client would otherwise try an h2c upgrade).
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    /** @param base the application's root URL, e.g. {@code http://127.0.0.1:8080/mediahub/} */
    public Api(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String refreshBody(String refreshToken) {
        return Json.createObjectBuilder().add("refresh_token", refreshToken).build().toString();
    }

    public Reply get(String path, String authorization) {
        return send("GET", path, authorization, null, null);
    }

    public Reply post(String path, String authorization, String jsonBody) {
        return send("POST", path, authorization, jsonBody, "application/json");
    }

    /** A body of {@code bytes} bytes sent without Content-Length (chunked), as streaming clients do. */
    public Reply postChunked(String path, String authorization, int bytes) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[bytes])))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply("POST (chunked) " + path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST (chunked) " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply delete(String path, String authorization) {
        return send("DELETE", path, authorization, null, null);
    }

    public Reply send(String method, String path, String authorization, String body, String contentType,
                      String... extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            request.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(method + " " + path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A token pair for the given Basic credentials. */
    public Tokens login(String username, String password) {
        Reply reply = post("/api/token", basic(username, password), null).expect(200);
        assertEquals("no-store", reply.header("Cache-Control"), reply.body());
        return new Tokens(reply.json().getString("access_token"), reply.json().getString("refresh_token"));
    }

    public Reply refresh(String refreshToken) {
        return post("/api/token/refresh", null, refreshBody(refreshToken));
    }

    /** Creates a user with a unique name (prefix + random) through the admin API; returns the name. */
    public TestUser createUser(String prefix, String password, String... roles) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var rolesArray = Json.createArrayBuilder();
        for (String role : roles) {
            rolesArray.add(role);
        }
        String body = Json.createObjectBuilder().add("username", username).add("password", password)
                .add("roles", rolesArray).build().toString();
        Reply reply = post("/api/users", basic("admin", ItEnvironment.adminPassword()), body).expect(201);
        return new TestUser(reply.json().getJsonNumber("id").longValue(), username, password);
    }

    public record Tokens(String access, String refresh) {
    }

    public record TestUser(long id, String username, String password) {
        public String basic() {
            return Api.basic(username, password);
        }
    }
}
