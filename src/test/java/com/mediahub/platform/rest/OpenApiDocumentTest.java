package com.mediahub.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import com.mediahub.platform.error.ErrorCatalogue;

/**
 * src/main/webapp/openapi.json (served at /openapi.json) is valid OpenAPI 3, describes every
 * JAX-RS resource method of the application (found by scanning the compiled classes, so a new
 * method without documentation fails here), every status the contract gives each endpoint, the
 * error schema on every error response, and the security schemes.
 */
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("src/main/webapp/openapi.json");

    /** Contract sections 3.1-3.8 plus issues 6-8, 16, 18 and 19: the statuses each operation must document. */
    private static final Map<String, Set<Integer>> CONTRACT_STATUSES = Map.ofEntries(
            Map.entry("POST /api/token", Set.of(200, 401, 403, 429)),
            Map.entry("GET /api/users/me/app-passwords", Set.of(200, 401, 403)),
            Map.entry("POST /api/users/me/app-passwords", Set.of(201, 400, 401, 403, 409, 413, 429)),
            Map.entry("DELETE /api/users/me/app-passwords/{id}", Set.of(204, 400, 401, 403, 404)),
            Map.entry("GET /api/users/{userId}/app-passwords", Set.of(200, 400, 401, 403, 404)),
            Map.entry("DELETE /api/users/{userId}/app-passwords/{id}", Set.of(204, 400, 401, 403, 404)),
            Map.entry("POST /api/users/me/totp", Set.of(201, 400, 401, 403, 409, 413, 429)),
            Map.entry("POST /api/users/me/totp/confirm", Set.of(200, 400, 401, 403, 409, 429)),
            Map.entry("DELETE /api/users/me/totp", Set.of(204, 400, 401, 403, 409, 429)),
            Map.entry("POST /api/users/me/recovery-codes", Set.of(200, 400, 401, 403, 409, 429)),
            Map.entry("DELETE /api/users/{userId}/totp", Set.of(200, 400, 401, 403, 404)),
            Map.entry("POST /api/token/refresh", Set.of(200, 400, 401, 403)),
            Map.entry("POST /api/logout", Set.of(200, 400, 401, 403)),
            Map.entry("POST /api/logout-all", Set.of(200, 401)),
            Map.entry("GET /api/sessions", Set.of(200, 401)),
            Map.entry("DELETE /api/sessions/{id}", Set.of(204, 401, 404)),
            Map.entry("GET /api/databases", Set.of(200, 401)),
            Map.entry("POST /api/databases", Set.of(201, 400, 401)),
            Map.entry("GET /api/databases/{id}", Set.of(200, 401, 403, 404)),
            Map.entry("DELETE /api/databases/{id}", Set.of(204, 401, 403, 404)),
            Map.entry("GET /api/databases/{id}/entries", Set.of(200, 401, 403, 404)),
            Map.entry("PATCH /api/databases/{id}", Set.of(200, 400, 401, 403, 404)),
            Map.entry("POST /api/entry", Set.of(201, 400, 401, 403)),
            Map.entry("GET /api/entry/{id}", Set.of(200, 400, 401, 403, 404)),
            Map.entry("PATCH /api/entry/{id}", Set.of(200, 400, 401, 403, 404)),
            Map.entry("DELETE /api/entry/{id}", Set.of(204, 400, 401, 403, 404)),
            Map.entry("GET /api/users/{userId}/sessions", Set.of(200, 400, 401, 403, 404)),
            Map.entry("DELETE /api/users/{userId}/sessions", Set.of(200, 400, 401, 403, 404)),
            Map.entry("GET /api/users/me", Set.of(200, 401)),
            Map.entry("GET /api/users", Set.of(200, 401, 403)),
            Map.entry("POST /api/users", Set.of(201, 400, 401, 403, 409, 429)),
            Map.entry("PUT /api/users/{id}/password", Set.of(200, 400, 401, 403, 404)),
            Map.entry("DELETE /api/users/{id}", Set.of(204, 401, 403, 404)),
            Map.entry("GET /api/health", Set.of(200, 503)),
            Map.entry("GET /api/info", Set.of(200)),
            Map.entry("GET /api/metrics", Set.of(200, 401, 403)),
            Map.entry("GET /.well-known/jwks.json", Set.of(200, 404)));

    private static OpenAPI parse() throws Exception {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Files.readString(DOCUMENT), null, null);
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(), "validation messages");
        assertNotNull(result.getOpenAPI());
        return result.getOpenAPI();
    }

    private static Map<String, Operation> operations(OpenAPI api) {
        Map<String, Operation> operations = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method + " " + path, operation)));
        return operations;
    }

    @Test
    void everyResourceMethodIsDocumented() throws Exception {
        Set<String> documented = operations(parse()).keySet();
        Set<String> implemented = resourceMethods();
        assertTrue(implemented.size() >= 20, "the scan found the resources: " + implemented);
        Set<String> missing = new TreeSet<>(implemented);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "resource methods missing from openapi.json");
        Set<String> extra = new TreeSet<>(documented);
        extra.removeAll(implemented);
        extra.remove("GET /.well-known/jwks.json"); // a servlet, not JAX-RS
        assertEquals(Set.of(), extra, "documented operations that do not exist");
    }

    @Test
    void everyContractStatusIsDocumentedWithTheErrorSchema() throws Exception {
        Map<String, Operation> operations = operations(parse());
        assertEquals(new TreeSet<>(CONTRACT_STATUSES.keySet()), operations.keySet());
        CONTRACT_STATUSES.forEach((operation, statuses) -> {
            Set<Integer> documented = new TreeSet<>();
            operations.get(operation).getResponses().keySet().forEach(code -> documented.add(Integer.parseInt(code)));
            assertTrue(documented.containsAll(statuses), operation + " documents " + documented + ", needs " + statuses);
            operations.get(operation).getResponses().forEach((code, response) -> {
                if (Integer.parseInt(code) >= 400 && !operation.equals("GET /api/health")) {
                    Schema<?> schema = response.getContent().get("application/json").getSchema();
                    assertEquals("#/components/schemas/Error", schema.get$ref(), operation + " " + code);
                }
            });
        });
    }

    @Test
    void errorTextsInTheDocumentComeFromTheCatalogue() throws Exception {
        String text = Files.readString(DOCUMENT);
        for (ErrorCatalogue error : List.of(ErrorCatalogue.AUTHENTICATION_FAILED, ErrorCatalogue.REFRESH_TOKEN_INVALID,
                ErrorCatalogue.CSRF_INVALID, ErrorCatalogue.USERNAME_TAKEN, ErrorCatalogue.TOO_MANY_REGISTRATIONS,
                ErrorCatalogue.NO_PUBLIC_KEYS, ErrorCatalogue.DATABASE_NOT_FOUND, ErrorCatalogue.SESSION_NOT_FOUND,
                ErrorCatalogue.TOO_MANY_ATTEMPTS, ErrorCatalogue.PAYLOAD_TOO_LARGE, ErrorCatalogue.SECOND_FACTOR_REQUIRED,
                ErrorCatalogue.SECOND_FACTOR_INVALID, ErrorCatalogue.CODE_WRONG, ErrorCatalogue.TOTP_ALREADY_ON,
                ErrorCatalogue.TOTP_NOT_ON, ErrorCatalogue.TOTP_NOTHING_PENDING, ErrorCatalogue.APP_PASSWORD_NO_SESSIONS,
                ErrorCatalogue.APP_PASSWORD_ACCOUNT_SECURITY, ErrorCatalogue.APP_PASSWORD_READ_ONLY,
                ErrorCatalogue.APP_PASSWORD_NOT_FOUND)) {
            assertTrue(text.contains(error.message()), "openapi.json should quote " + error.message());
        }
    }

    @Test
    void basicAndBearerSchemesAndPublicEndpoints() throws Exception {
        OpenAPI api = parse();
        assertEquals("basic", api.getComponents().getSecuritySchemes().get("basicAuth").getScheme());
        assertEquals("bearer", api.getComponents().getSecuritySchemes().get("bearerAuth").getScheme());
        Map<String, Operation> operations = operations(api);
        for (String open : List.of("POST /api/token/refresh", "GET /api/health", "GET /api/info", "GET /.well-known/jwks.json")) {
            assertTrue(operations.get(open).getSecurity().stream().allMatch(Map::isEmpty), open + " is public");
        }
        assertFalse(operations.get("GET /api/users/me").getSecurity().stream().anyMatch(Map::isEmpty), "me needs credentials");
        assertTrue(operations.get("POST /api/token").getRequestBody().getContent().get("application/json").getSchema()
                .get$ref().endsWith("LoginRequest"), "JSON login documented");
    }

    /** "GET /api/users/{id}"-style keys of every JAX-RS method: the application's route list. */
    private static Set<String> resourceMethods() {
        Set<String> methods = new TreeSet<>();
        ResourceClasses.routes().all().forEach(route -> methods.add(route.toString()));
        return methods;
    }
}
