package com.mediahub.auth.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.mediahub.platform.error.ErrorCatalogue;

import jakarta.servlet.http.HttpServletRequest;

/** Review items 1, 5, 11 and 13: what is refused from the request's shape alone. */
class RequestScreenTest {

    /** A request with a method, headers (name to values) and a declared body length. */
    static HttpServletRequest request(String method, Map<String, List<String>> headers, long contentLength) {
        Map<String, List<String>> byName = new HashMap<>();
        headers.forEach((name, values) -> byName.put(name.toLowerCase(), values));
        return (HttpServletRequest) Proxy.newProxyInstance(RequestScreenTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> Optional.ofNullable(byName.get(((String) args[0]).toLowerCase()))
                            .map(v -> v.get(0)).orElse(null);
                    case "getHeaders" -> Collections.enumeration(byName.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                    case "getContentType" -> Optional.ofNullable(byName.get("content-type")).map(v -> v.get(0)).orElse(null);
                    case "getContentLengthLong" -> contentLength;
                    default -> null;
                });
    }

    private static Optional<ErrorCatalogue> screen(String raw, String routed) {
        return RequestScreen.refusal(request("GET", Map.of(), -1), raw, routed);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/token;x, /api/token", "/api/token;, /api/token", "/api/token;/, /api/token",
            "/api/token%3Bx, /api/token;x", "/api/users%2Fme, /api/users/me", "/api/users/.., /api",
            "/api/users/./me, /api/users/me", "/api//users, /api/users", "/%61pi/token, /api/token",
            "/api/users\\me, /api/users\\me", "/x/../api/token, /api/token"})
    void item01_item13_pathsTheContainerWouldReadDifferentlyAreRefused(String raw, String routed) {
        assertEquals(Optional.of(ErrorCatalogue.INVALID_PATH), screen(raw, routed), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/token", "/api/token/refresh", "/api/users/me", "/api/users/12/password", "/api/", "/api"})
    void plainApiPathsPass(String path) {
        assertEquals(Optional.empty(), screen(path, path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/index.html", "/app/main.js", "/.well-known/jwks.json", "/swagger/index.html"})
    void pathsOutsideTheApiAreNotScreened(String path) {
        assertEquals(Optional.empty(), screen(path, path), path);
    }

    @org.junit.jupiter.api.Test
    void item11_twoAuthorizationHeadersAreRefused() {
        HttpServletRequest twice = request("GET", Map.of("Authorization", List.of("Bearer a", "Basic YTpi")), -1);
        assertEquals(Optional.of(ErrorCatalogue.DUPLICATE_AUTHORIZATION), RequestScreen.refusal(twice, "/api/users/me", "/api/users/me"));
        HttpServletRequest once = request("GET", Map.of("Authorization", List.of("Bearer a")), -1);
        assertEquals(Optional.empty(), RequestScreen.refusal(once, "/api/users/me", "/api/users/me"));
    }

    @ParameterizedTest
    @CsvSource(value = {"POST,NONE,10", "POST,text/plain,10", "PUT,application/x-www-form-urlencoded,5",
            "DELETE,multipart/form-data; boundary=x,5", "POST,application/jsonx,5", "POST,NONE,CHUNKED"})
    void item05_bodiesThatAreNotDeclaredJsonAreRefused(String method, String type, String length) {
        Map<String, List<String>> headers = new HashMap<>();
        if (!type.equals("NONE")) {
            headers.put("Content-Type", List.of(type));
        }
        if (length.equals("CHUNKED")) {
            headers.put("Transfer-Encoding", List.of("chunked"));
        }
        HttpServletRequest request = request(method, headers, length.equals("CHUNKED") ? -1 : Long.parseLong(length));
        assertEquals(Optional.of(ErrorCatalogue.UNSUPPORTED_MEDIA_TYPE), RequestScreen.refusal(request, "/api/databases", "/api/databases"));
    }

    @ParameterizedTest
    @CsvSource(value = {"POST,application/json,10", "POST,Application/JSON; charset=UTF-8,10", "POST,NONE,0", "GET,NONE,10",
            "POST,NONE,-1"})
    void jsonBodiesAndRequestsWithoutABodyPass(String method, String type, long length) {
        Map<String, List<String>> headers = type.equals("NONE") ? Map.of() : Map.of("Content-Type", List.of(type));
        assertEquals(Optional.empty(), RequestScreen.refusal(request(method, headers, length), "/api/logout-all", "/api/logout-all"));
    }
}
