package com.mediahub.platform.json;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

/**
 * Reads request bodies as JSON objects and their fields with exact JSON types, so that a wrong
 * type is a 400 naming the field rather than a silent coercion or a 500. Bean Validation checks
 * the values afterwards; this class only guarantees the shapes.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** Parses a body that must be one JSON object; anything else is 400 {@code Invalid request body}. */
    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new ApiException(ErrorCatalogue.INVALID_REQUEST_BODY);
        }
        try (JsonParser parser = Jsons.PROVIDER.createParser(new StringReader(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new ApiException(ErrorCatalogue.INVALID_REQUEST_BODY);
            }
            JsonObject object = parser.getObject();
            if (parser.hasNext()) {
                // trailing content after the object, e.g. {"a":1}{
                throw new ApiException(ErrorCatalogue.INVALID_REQUEST_BODY);
            }
            return object;
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException, and the parser's own exceptions (e.g. "too deeply nested")
            throw new ApiException(ErrorCatalogue.INVALID_REQUEST_BODY);
        }
    }

    /** A string field, or empty when absent or {@code null}; any other JSON type is a 400 naming the field. */
    public static Optional<String> optionalString(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        throw new ApiException(ErrorCatalogue.FIELD_WRONG_TYPE, field, "a string");
    }

    public static String requiredString(JsonObject object, String field) {
        return optionalString(object, field)
                .orElseThrow(() -> new ApiException(ErrorCatalogue.FIELD_REQUIRED, field));
    }

    /** A whole number that fits a {@code long}; fractions, strings and huge numbers are a 400 naming the field. */
    public static long requiredLong(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new ApiException(ErrorCatalogue.FIELD_REQUIRED, field);
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                return number.bigIntegerValueExact().longValueExact();
            } catch (ArithmeticException tooLarge) {
                // falls through to the type error below
            }
        }
        throw new ApiException(ErrorCatalogue.FIELD_WRONG_TYPE, field, "an integer");
    }

    /** An array of strings, or empty when absent or {@code null}. */
    public static Optional<List<String>> optionalStringList(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new ApiException(ErrorCatalogue.FIELD_WRONG_TYPE, field, "an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue element : value.asJsonArray()) {
            if (!(element instanceof JsonString string)) {
                throw new ApiException(ErrorCatalogue.FIELD_WRONG_TYPE, field, "an array of strings");
            }
            strings.add(string.getString());
        }
        return Optional.of(strings);
    }
}
