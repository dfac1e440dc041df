package com.mediahub.auth.mechanism;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import com.mediahub.platform.error.ErrorCatalogue;

/**
 * Parses an {@code Authorization} header value into what it claims to be (contract section 1):
 * Basic credentials (RFC 7617: UTF-8, split at the FIRST colon), a Bearer token (RFC 6750
 * b64token syntax), or a failure with the catalogue error to answer. Scheme names are
 * case-insensitive. Pure: no I/O, no verification.
 */
public sealed interface AuthorizationHeader {

    /** RFC 6750 section 2.1: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    record Basic(String username, String password) implements AuthorizationHeader {
        @Override
        public String toString() {
            return "Basic[" + username + ", password hidden]";
        }
    }

    record Bearer(String token) implements AuthorizationHeader {
        @Override
        public String toString() {
            return "Bearer[token hidden]";
        }
    }

    record Invalid(ErrorCatalogue error) implements AuthorizationHeader {
    }

    static AuthorizationHeader parse(String header) {
        if (header == null || header.isEmpty()) {
            return new Invalid(ErrorCatalogue.AUTHORIZATION_HEADER_REQUIRED);
        }
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        if (space <= 0) {
            return new Invalid(ErrorCatalogue.AUTHORIZATION_HEADER_INVALID);
        }
        String scheme = trimmed.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = trimmed.substring(space + 1).strip();
        if (credentials.isEmpty() || credentials.indexOf(' ') >= 0) {
            return new Invalid(ErrorCatalogue.AUTHORIZATION_HEADER_INVALID);
        }
        return switch (scheme) {
            case "basic" -> basic(credentials);
            case "bearer" -> B64TOKEN.matcher(credentials).matches()
                    ? new Bearer(credentials)
                    : new Invalid(ErrorCatalogue.AUTHORIZATION_HEADER_INVALID);
            default -> new Invalid(ErrorCatalogue.AUTHORIZATION_HEADER_INVALID);
        };
    }

    private static AuthorizationHeader basic(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            return new Invalid(ErrorCatalogue.AUTHENTICATION_FAILED);
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new Invalid(ErrorCatalogue.AUTHENTICATION_FAILED);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new Invalid(ErrorCatalogue.AUTHENTICATION_FAILED);
        }
        return credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /**
     * A username and password as a client sent them (Basic or the JSON login body): refused at the
     * edge when they hold control characters (review item 6: a NUL reached the database and
     * answered 500 with a stack trace). No username may contain one, and a NUL in a password is
     * how C bcrypt implementations silently truncate it.
     */
    static AuthorizationHeader credentials(String username, String password) {
        if (username.chars().anyMatch(Character::isISOControl) || password.indexOf('\0') >= 0) {
            return new Invalid(ErrorCatalogue.AUTHENTICATION_FAILED);
        }
        return new Basic(username, password);
    }
}
