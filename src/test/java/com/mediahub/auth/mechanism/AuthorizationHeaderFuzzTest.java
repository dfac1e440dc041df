package com.mediahub.auth.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import com.mediahub.platform.error.ErrorCatalogue;

/** Generated hostile Authorization headers: the parser always answers, and only with the contract's errors. */
class AuthorizationHeaderFuzzTest {

    private static final Set<ErrorCatalogue> CONTRACT_ERRORS = Set.of(ErrorCatalogue.AUTHORIZATION_HEADER_REQUIRED,
            ErrorCatalogue.AUTHORIZATION_HEADER_INVALID, ErrorCatalogue.AUTHENTICATION_FAILED);

    @Property(tries = 30_000)
    void anyStringIsParsedWithoutException(@ForAll @StringLength(max = 300) String header) {
        assertParsed(AuthorizationHeader.parse(header));
    }

    @Property(tries = 15_000)
    void anyStringAfterAKnownSchemeIsParsedWithoutException(@ForAll("schemes") String scheme,
                                                             @ForAll @StringLength(max = 200) String rest) {
        assertParsed(AuthorizationHeader.parse(scheme + " " + rest));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> schemes() {
        return net.jqwik.api.Arbitraries.of("Basic", "basic", "BASIC", "Bearer", "bearer", "BEARER");
    }

    @Property(tries = 15_000)
    void anyBytesAsBasicCredentialsAreParsedWithoutException(@ForAll byte[] credentials) {
        assertParsed(AuthorizationHeader.parse("Basic " + Base64.getEncoder().encodeToString(credentials)));
    }

    @Property(tries = 10_000)
    void basicRoundTripsAnyUsernameWithoutColonAndAnyPassword(
            @ForAll @StringLength(max = 40) @CharRange(from = ' ', to = '\uffef') String username,
            @ForAll @StringLength(max = 40) @CharRange(from = ' ', to = '\uffef') @Chars({':'}) String password) {
        net.jqwik.api.Assume.that(!username.contains(":") && !containsSurrogate(username) && !containsSurrogate(password)
                && username.chars().noneMatch(Character::isISOControl)); // control characters are refused (review item 6)
        String header = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        assertEquals(new AuthorizationHeader.Basic(username, password), AuthorizationHeader.parse(header));
    }

    private static boolean containsSurrogate(String s) {
        return s.chars().anyMatch(c -> Character.isSurrogate((char) c));
    }

    private static void assertParsed(AuthorizationHeader parsed) {
        if (parsed instanceof AuthorizationHeader.Invalid invalid) {
            assertTrue(CONTRACT_ERRORS.contains(invalid.error()), invalid.toString());
        } else if (parsed instanceof AuthorizationHeader.Bearer bearer) {
            assertTrue(AuthorizationHeader.B64TOKEN.matcher(bearer.token()).matches());
        } else {
            assertTrue(parsed instanceof AuthorizationHeader.Basic);
        }
    }
}
