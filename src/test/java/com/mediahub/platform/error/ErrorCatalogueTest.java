package com.mediahub.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ErrorCatalogueTest {

    @Test
    void contractTextsAreExact() {
        assertEquals("Authorization header required", ErrorCatalogue.AUTHORIZATION_HEADER_REQUIRED.message());
        assertEquals("Invalid authorization header format", ErrorCatalogue.AUTHORIZATION_HEADER_INVALID.message());
        assertEquals("Authentication failed", ErrorCatalogue.AUTHENTICATION_FAILED.message());
        assertEquals("Token expired", ErrorCatalogue.TOKEN_EXPIRED.message());
        assertEquals("Invalid token", ErrorCatalogue.TOKEN_INVALID.message());
        assertEquals("Invalid or expired refresh token", ErrorCatalogue.REFRESH_TOKEN_INVALID.message());
        assertEquals("Invalid request body", ErrorCatalogue.INVALID_REQUEST_BODY.message());
        assertEquals("Service temporarily unavailable", ErrorCatalogue.SERVICE_UNAVAILABLE.message());
    }

    @Test
    void fieldErrorsNameTheField() {
        assertEquals("Field 'title' must be a string", ErrorCatalogue.FIELD_WRONG_TYPE.message("title", "a string"));
        assertEquals("Field 'name' is required", ErrorCatalogue.FIELD_REQUIRED.message("name"));
    }

    @Test
    void everyStatusIsAnHttpErrorAndEveryTextIsDistinct() {
        Set<String> texts = new HashSet<>();
        for (ErrorCatalogue error : ErrorCatalogue.values()) {
            assertTrue(error.status() >= 400 && error.status() < 600, error.name());
            assertTrue(texts.add(error.message("x", "y")), "duplicate text: " + error.message("x", "y"));
        }
    }

    @Test
    void bareStatusesMapToTheirOwnStatus() {
        Arrays.asList(400, 401, 403, 404, 405, 406, 413, 415, 429, 500, 503)
                .forEach(status -> assertEquals(status, ErrorCatalogue.forStatus(status).status()));
        assertEquals(500, ErrorCatalogue.forStatus(418).status());
    }

    @Test
    void errorBodyIsTheContractShapeWithEscaping() {
        assertEquals("{\"error\":\"say \\\"hi\\\"\"}", ErrorResponses.body("say \"hi\""));
    }
}
