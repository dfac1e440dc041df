package com.mediahub.auth.mfa.boundary;

import com.mediahub.auth.mfa.control.RecoveryCodes;
import com.mediahub.auth.mfa.control.TotpCodes;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.platform.rest.JsonBodies;

import jakarta.json.JsonObject;

/**
 * The {@code code} field of a request: refused with 400 when it cannot be a code at all (letters,
 * five or seven digits), before any throttle count or database work; only a well-formed code can
 * be right or wrong.
 */
final class CodeField {

    static final String NAME = "code";

    private CodeField() {
    }

    /** A 6-digit TOTP code (to confirm an enrolment). */
    static String totpOf(JsonObject body) {
        String code = JsonBodies.requiredString(body, NAME);
        if (!TotpCodes.wellFormed(code)) {
            throw new ApiException(ErrorCatalogue.CODE_MALFORMED, NAME, "");
        }
        return code;
    }

    /** A 6-digit TOTP code or a recovery code. */
    static String totpOrRecoveryOf(JsonObject body) {
        String code = JsonBodies.requiredString(body, NAME);
        if (!TotpCodes.wellFormed(code) && RecoveryCodes.normalized(code).isEmpty()) {
            throw new ApiException(ErrorCatalogue.CODE_MALFORMED, NAME, " or a recovery code");
        }
        return code;
    }
}
