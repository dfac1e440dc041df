package com.mediahub.auth.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import com.mediahub.auth.token.keys.SigningSecret;
import com.mediahub.config.Settings;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;

/**
 * Generated hostile tokens: the verifier never throws anything but {@link TokenRejectedException}
 * with a contract error, and never accepts what it did not sign.
 */
class AccessTokenVerificationFuzzTest {

    private static final AccessTokenService SERVICE = new AccessTokenService(Settings.defaults(),
            new SigningSecret("property-test-secret-0123456789abcdef", "test"), Clock.systemUTC());
    private static final CallerIdentity CALLER = new CallerIdentity(7, "alice", Set.of("user"), 9L);
    private static final String VALID = SERVICE.issue(CALLER, 0, Instant.now());

    @Property(tries = 20_000)
    void anyStringIsRejectedCleanly(@ForAll @StringLength(max = 400) String token) {
        assertRejected(token);
    }

    @Property(tries = 15_000)
    void anyThreeSegmentsOfJsonAreRejectedCleanly(@ForAll("jwtShaped") String token) {
        assertRejected(token);
    }

    @Provide
    Arbitrary<String> jwtShaped() {
        Arbitrary<String> json = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80),
                Arbitraries.of("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}", "{\"alg\":\"none\"}", "{\"alg\":\"HS512\",\"typ\":\"at+jwt\"}",
                        "{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}", "{}", "[]", "null", "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"crit\":[\"x\"]}"),
                Arbitraries.of("{\"iss\":\"mediahub\",\"sub\":\"1\",\"upn\":\"a\",\"groups\":[\"admin\"],\"ver\":0,\"exp\":99999999999,\"iat\":1,\"jti\":\"j\"}",
                        "{\"sub\":[],\"exp\":\"soon\"}", "{\"exp\":1e400}", "{\"iat\":-1}"));
        Arbitrary<String> segment = json.map(s -> b64(s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<String> signature = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_").ofMaxLength(86);
        return Combinators.combine(segment, segment, signature).as((h, p, s) -> h + "." + p + "." + s);
    }

    @Property(tries = 15_000)
    void anyOneCharacterChangeOfAValidTokenIsRejectedOrHarmless(@ForAll @IntRange(min = 0, max = 10_000) int position,
                                                              @ForAll("tokenChars") char replacement) throws Exception {
        int at = position % VALID.length();
        net.jqwik.api.Assume.that(VALID.charAt(at) != replacement);
        String mutated = VALID.substring(0, at) + replacement + VALID.substring(at + 1);
        try {
            // Only a change in base64 padding bits decodes to the same bytes; then it is the same token.
            assertEquals(CALLER, SERVICE.verify(mutated).caller());
        } catch (TokenRejectedException rejected) {
            assertTrue(rejected.error() == ErrorCatalogue.TOKEN_INVALID, rejected.error().name());
        }
    }

    @Provide
    Arbitrary<Character> tokenChars() {
        return Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ");
    }

    private static void assertRejected(String token) {
        try {
            SERVICE.verify(token);
            throw new AssertionError("accepted a token it did not sign: " + token);
        } catch (TokenRejectedException rejected) {
            assertTrue(rejected.error() == ErrorCatalogue.TOKEN_INVALID || rejected.error() == ErrorCatalogue.TOKEN_EXPIRED);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
