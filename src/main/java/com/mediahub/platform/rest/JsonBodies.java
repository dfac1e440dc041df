package com.mediahub.platform.rest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.platform.json.Jsons;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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

    /** Deeper bodies are refused (no body of the API nests more than three levels). */
    static final int MAX_DEPTH = 32;

    /**
     * Parses a body that must be one JSON object; anything else is 400 {@code Invalid request body}.
     * Stricter than the runtime's own reader, which differs between servers: a key twice in one
     * object is refused rather than the last one silently winning, and a string holding a lone
     * UTF-16 surrogate (an escape such as {@code "\ud800"}) is refused rather than stored as
     * {@code ?} (security review item 13).
     */
    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new ApiException(ErrorCatalogue.INVALID_REQUEST_BODY);
        }
        try (JsonParser parser = Jsons.PROVIDER.createParser(new StringReader(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new ApiException(ErrorCatalogue.INVALID_REQUEST_BODY);
            }
            JsonObject object = readObject(parser, 1);
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

    private static JsonObject readObject(JsonParser parser, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ApiException(ErrorCatalogue.INVALID_REQUEST_BODY);
        }
        JsonObjectBuilder object = Jsons.PROVIDER.createObjectBuilder();
        Set<String> keys = new HashSet<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String key = parser.getString();
            if (!isWellFormed(key)) {
                throw new ApiException(ErrorCatalogue.INVALID_REQUEST_BODY);
            }
            if (!keys.add(key)) {
                throw new ApiException(ErrorCatalogue.DUPLICATE_KEY, printable(key));
            }
            object.add(key, readValue(parser, parser.next(), key, depth));
        }
        return object.build();
    }

    private static JsonValue readValue(JsonParser parser, JsonParser.Event event, String field, int depth) {
        return switch (event) {
            case START_OBJECT -> readObject(parser, depth + 1);
            case START_ARRAY -> readArray(parser, field, depth + 1);
            case VALUE_STRING -> {
                String text = parser.getString();
                if (!isWellFormed(text)) {
                    throw new ApiException(ErrorCatalogue.FIELD_NOT_UNICODE, printable(field));
                }
                yield Jsons.PROVIDER.createValue(text);
            }
            default -> parser.getValue(); // numbers, true, false, null
        };
    }

    private static JsonArray readArray(JsonParser parser, String field, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ApiException(ErrorCatalogue.INVALID_REQUEST_BODY);
        }
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            array.add(readValue(parser, event, field, depth));
        }
        return array.build();
    }

    /** No unpaired surrogate: the text can be encoded as UTF-8 at all. */
    static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Control characters other than tab, line feed and carriage return (which multi-line text needs). */
    static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** A field name as it may be echoed in an error: short, and only the characters field names have. */
    private static String printable(String field) {
        return field.length() <= 64 && field.matches("[A-Za-z0-9_.-]*") ? field : "?";
    }

    /** A string field, or empty when absent or {@code null}; any other JSON type is a 400 naming the field. */
    public static Optional<String> optionalString(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            if (hasControlCharacters(string.getString())) {
                throw new ApiException(ErrorCatalogue.FIELD_CONTROL_CHARACTERS, field);
            }
            return Optional.of(string.getString());
        }
        throw new ApiException(ErrorCatalogue.FIELD_WRONG_TYPE, field, "a string");
    }

    public static String requiredString(JsonObject object, String field) {
        return optionalString(object, field)
                .orElseThrow(() -> new ApiException(ErrorCatalogue.FIELD_REQUIRED, field));
    }

    /** {@code true} or {@code false}, or {@code absent} when the field is missing or {@code null}; any other type is a 400. */
    public static boolean optionalBoolean(JsonObject object, String field, boolean absent) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return absent;
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            return value.getValueType() == JsonValue.ValueType.TRUE;
        }
        throw new ApiException(ErrorCatalogue.FIELD_WRONG_TYPE, field, "true or false");
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
            if (hasControlCharacters(string.getString())) {
                throw new ApiException(ErrorCatalogue.FIELD_CONTROL_CHARACTERS, field);
            }
            strings.add(string.getString());
        }
        return Optional.of(strings);
    }
}
