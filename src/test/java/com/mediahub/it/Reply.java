package com.mediahub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.http.HttpHeaders;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** An HTTP response as the tests see it; every assertion message shows the body. */
public record Reply(String request, int status, HttpHeaders headers, String body) {

    public Reply expect(int expectedStatus) {
        assertEquals(expectedStatus, status, () -> request + " -> " + status + " " + body);
        return this;
    }

    /** Asserts the contract's error shape: the status, JSON content type and {@code {"error": text}}. */
    public Reply expectError(int expectedStatus, String expectedText) {
        expect(expectedStatus);
        assertEquals(true, header("Content-Type").startsWith("application/json"), () -> request + " content type " + header("Content-Type") + ": " + body);
        assertEquals(expectedText, json().getString("error", null), () -> request + " -> " + body);
        assertEquals(1, json().size(), () -> request + " error body has extra fields: " + body);
        return this;
    }

    public String header(String name) {
        return headers.firstValue(name).orElse("");
    }

    public JsonObject json() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError(request + " -> " + status + ": body is not a JSON object: " + body, e);
        }
    }

    public JsonArray jsonArray() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        } catch (RuntimeException e) {
            throw new AssertionError(request + " -> " + status + ": body is not a JSON array: " + body, e);
        }
    }
}
