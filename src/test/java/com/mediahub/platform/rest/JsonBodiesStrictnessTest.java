package com.mediahub.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;

/** Review items 6 and 13: what the body reader refuses that the runtime's reader would let through. */
class JsonBodiesStrictnessTest {

    private static ApiException refused(Runnable read) {
        return assertThrows(ApiException.class, read::run);
    }

    @Test
    void item13_aDuplicateKeyIsRefusedNotSilentlyOverwritten() {
        ApiException e = refused(() -> JsonBodies.object("{\"name\":\"a\",\"name\":\"b\"}"));
        assertEquals(ErrorCatalogue.DUPLICATE_KEY, e.error());
        assertEquals("Invalid request body: duplicate key 'name'", e.getMessage());
        assertEquals(ErrorCatalogue.DUPLICATE_KEY,
                refused(() -> JsonBodies.object("{\"a\":{\"x\":1,\"x\":2}}")).error(), "nested objects too");
        assertEquals("b", JsonBodies.requiredString(JsonBodies.object("{\"a\":{\"x\":1},\"b\":{\"x\":2},\"c\":\"b\"}"), "c"),
                "the same key in different objects is fine");
    }

    @Test
    void item13_aLoneSurrogateIsRefusedNamingTheField() {
        ApiException e = refused(() -> JsonBodies.object("{\"title\":\"a\\ud800b\"}"));
        assertEquals("Field 'title' must be valid Unicode text", e.getMessage());
        assertEquals(ErrorCatalogue.FIELD_NOT_UNICODE, refused(() -> JsonBodies.object("{\"t\":\"\\udc00\"}")).error());
        assertEquals(ErrorCatalogue.FIELD_NOT_UNICODE, refused(() -> JsonBodies.object("{\"roles\":[\"\\ud800\"]}")).error());
        assertEquals("\uD83D\uDE00", JsonBodies.requiredString(JsonBodies.object("{\"t\":\"\\ud83d\\ude00\"}"), "t"),
                "a surrogate pair (an emoji) is text");
    }

    @Test
    void item06_aNulOrOtherControlCharacterIsA400NamingTheField() {
        var body = JsonBodies.object("{\"name\":\"a\\u0000b\",\"content\":\"line 1\\nline 2\\tend\\r\"}");
        ApiException e = refused(() -> JsonBodies.requiredString(body, "name"));
        assertEquals(400, e.status());
        assertEquals("Field 'name' must not contain control characters", e.getMessage());
        assertEquals("line 1\nline 2\tend\r", JsonBodies.requiredString(body, "content"), "tab and line breaks are text");
        assertEquals(ErrorCatalogue.FIELD_CONTROL_CHARACTERS,
                refused(() -> JsonBodies.requiredString(JsonBodies.object("{\"t\":\"\\u001b[31m\"}"), "t")).error());
        assertEquals(ErrorCatalogue.FIELD_CONTROL_CHARACTERS,
                refused(() -> JsonBodies.optionalStringList(JsonBodies.object("{\"roles\":[\"a\\u0007\"]}"), "roles")).error());
    }

    @Test
    void deepNestingIsStillA400() {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertEquals(ErrorCatalogue.INVALID_REQUEST_BODY, refused(() -> JsonBodies.object(deep)).error());
    }
}
