package com.mediahub.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import com.mediahub.platform.error.ApiException;

import jakarta.json.JsonObject;

/** Generated hostile request bodies: every one is read, or refused with a 400; nothing else escapes. */
class JsonBodiesFuzzTest {

    @Property(tries = 20_000)
    void anyStringIsAnObjectOrA400(@ForAll @StringLength(max = 300) String body) {
        readFields(body);
    }

    @Property(tries = 20_000)
    void anyJsonShapedBodyIsReadOrA400(@ForAll("jsonish") String body) {
        readFields(body);
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> value = Arbitraries.recursive(
                () -> Arbitraries.oneOf(Arbitraries.of("null", "true", "false", "0", "-1", "1.5", "1e999", "99999999999999999999",
                        "\"\"", "\"x\"", "\"\\u0000\"", "\"\\ud800\"", "[", "{", "\"unterminated"),
                        Arbitraries.strings().ofMaxLength(10).map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\"")),
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"),
                        inner.list().ofMaxSize(4).map(l -> {
                            StringBuilder o = new StringBuilder("{");
                            String[] names = {"name", "title", "database_id", "roles", "refresh_token", "x"};
                            for (int i = 0; i < l.size(); i++) {
                                o.append(i == 0 ? "" : ",").append('"').append(names[i % names.length]).append("\":").append(l.get(i));
                            }
                            return o.append('}').toString();
                        })),
                4);
        return value;
    }

    /** Reads every field the API reads, with every accessor; only a 400 ApiException may escape. */
    private static void readFields(String body) {
        try {
            JsonObject json = JsonBodies.object(body);
            for (String field : new String[]{"name", "title", "database_id", "roles", "refresh_token", "x"}) {
                attempt(() -> JsonBodies.optionalString(json, field));
                attempt(() -> JsonBodies.requiredString(json, field));
                attempt(() -> JsonBodies.requiredLong(json, field));
                attempt(() -> JsonBodies.optionalStringList(json, field));
            }
        } catch (ApiException e) {
            assertEquals(400, e.status(), e.getMessage());
        }
    }

    private static void attempt(Runnable read) {
        try {
            read.run();
        } catch (ApiException e) {
            assertEquals(400, e.status(), e.getMessage());
        }
    }
}
