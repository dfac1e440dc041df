package com.mediahub.auth.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.mediahub.platform.error.ErrorCatalogue;

class AuthorizationHeaderTest {

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicIsSplitAtTheFirstColonOnly() {
        assertEquals(new AuthorizationHeader.Basic("alice", "pa:ss:word"), AuthorizationHeader.parse(basic("alice:pa:ss:word")));
    }

    @Test
    void basicIsDecodedAsUtf8() {
        assertEquals(new AuthorizationHeader.Basic("jürgen", "pässwörd€"), AuthorizationHeader.parse(basic("jürgen:pässwörd€")));
    }

    @Test
    void emptyPasswordIsStillACredential() {
        assertEquals(new AuthorizationHeader.Basic("alice", ""), AuthorizationHeader.parse(basic("alice:")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "basic", "BASIC", "bAsIc"})
    void schemeNameIsCaseInsensitive(String scheme) {
        String encoded = Base64.getEncoder().encodeToString("bob:secret".getBytes(StandardCharsets.UTF_8));
        assertEquals(new AuthorizationHeader.Basic("bob", "secret"), AuthorizationHeader.parse(scheme + " " + encoded));
        assertEquals(new AuthorizationHeader.Bearer("abc.def.ghi"),
                AuthorizationHeader.parse(scheme.replaceAll("(?i)basic", "bEaReR") + " abc.def.ghi"));
    }

    @Test
    void bearerKeepsTheToken() {
        assertEquals(new AuthorizationHeader.Bearer("eyJ0.eyJ1-_.sig~+/=="), AuthorizationHeader.parse("Bearer eyJ0.eyJ1-_.sig~+/=="));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Basic !!!notbase64!!!       | AUTHENTICATION_FAILED",
            "Basic Ym9i                  | AUTHENTICATION_FAILED",
            "Basic /w==                  | AUTHENTICATION_FAILED",
            "Digest username=x           | AUTHORIZATION_HEADER_INVALID",
            "Bearer                      | AUTHORIZATION_HEADER_INVALID",
            "Basic                       | AUTHORIZATION_HEADER_INVALID",
            "Bearer a b                  | AUTHORIZATION_HEADER_INVALID",
            "Bearer tok\"en              | AUTHORIZATION_HEADER_INVALID",
            "Bearer==abc                 | AUTHORIZATION_HEADER_INVALID",
            "justonetoken                | AUTHORIZATION_HEADER_INVALID",
    })
    void malformedHeadersGetTheContractError(String header, ErrorCatalogue expected) {
        // "Ym9i" is base64 of "bob" (no colon); "/w==" is the single byte 0xFF (not UTF-8).
        assertEquals(new AuthorizationHeader.Invalid(expected), AuthorizationHeader.parse(header));
    }

    @Test
    void missingHeaderIsRequired() {
        assertEquals(new AuthorizationHeader.Invalid(ErrorCatalogue.AUTHORIZATION_HEADER_REQUIRED), AuthorizationHeader.parse(null));
        assertEquals(new AuthorizationHeader.Invalid(ErrorCatalogue.AUTHORIZATION_HEADER_REQUIRED), AuthorizationHeader.parse(""));
    }

    @Test
    void toStringNeverShowsSecrets() {
        assertEquals("Basic[alice, password hidden]", new AuthorizationHeader.Basic("alice", "s3cret").toString());
        assertEquals("Bearer[token hidden]", new AuthorizationHeader.Bearer("tok").toString());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ad\u0000min:pw", "admin\n:pw", "\u001badmin:pw", "admin\u0085:pw",
            "admin:p\u0000w"})
    void item06_controlCharactersInBasicCredentialsAreRefusedAtTheEdge(String credentials) {
        String header = "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        assertEquals(new AuthorizationHeader.Invalid(ErrorCatalogue.AUTHENTICATION_FAILED), AuthorizationHeader.parse(header));
    }

    @Test
    void item06_aTabInAPasswordIsStillAPassword() {
        String header = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:p\tw".getBytes(StandardCharsets.UTF_8));
        assertEquals(new AuthorizationHeader.Basic("admin", "p\tw"), AuthorizationHeader.parse(header));
    }
}
