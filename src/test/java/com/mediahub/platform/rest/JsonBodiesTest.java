package com.mediahub.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mediahub.platform.error.ApiException;

import jakarta.json.JsonObject;

class JsonBodiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{", "[]", "\"text\"", "42", "null", "{\"a\":1}{", "{'a':1}"})
    void anythingButOneObjectIsAnInvalidBody(String body) {
        ApiException e = assertThrows(ApiException.class, () -> JsonBodies.object(body));
        assertEquals("Invalid request body", e.getMessage());
    }

    @Test
    void typesAreExactAndErrorsNameTheField() {
        JsonObject json = JsonBodies.object("{\"s\":\"x\",\"n\":5,\"f\":1.5,\"big\":99999999999999999999,\"list\":[\"a\",\"b\"],\"mixed\":[\"a\",1],\"nil\":null}");
        assertEquals("x", JsonBodies.requiredString(json, "s"));
        assertEquals(5L, JsonBodies.requiredLong(json, "n"));
        assertEquals(Optional.empty(), JsonBodies.optionalString(json, "nil"));
        assertEquals(Optional.of(List.of("a", "b")), JsonBodies.optionalStringList(json, "list"));
        assertEquals("Field 'n' must be a string", assertThrows(ApiException.class, () -> JsonBodies.requiredString(json, "n")).getMessage());
        assertEquals("Field 's' must be an integer", assertThrows(ApiException.class, () -> JsonBodies.requiredLong(json, "s")).getMessage());
        assertEquals("Field 'f' must be an integer", assertThrows(ApiException.class, () -> JsonBodies.requiredLong(json, "f")).getMessage());
        assertEquals("Field 'big' must be an integer", assertThrows(ApiException.class, () -> JsonBodies.requiredLong(json, "big")).getMessage());
        assertEquals("Field 'mixed' must be an array of strings", assertThrows(ApiException.class, () -> JsonBodies.optionalStringList(json, "mixed")).getMessage());
        assertEquals("Field 'missing' is required", assertThrows(ApiException.class, () -> JsonBodies.requiredString(json, "missing")).getMessage());
        assertEquals("Field 'nil' is required", assertThrows(ApiException.class, () -> JsonBodies.requiredLong(json, "nil")).getMessage());
    }
}
