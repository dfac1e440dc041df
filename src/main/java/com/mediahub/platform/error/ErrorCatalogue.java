package com.mediahub.platform.error;

/**
 * Every error the API can answer, with its HTTP status and its text: the one place where
 * contract error messages live (contract sections 1 and 3). Texts with {@code %s} take
 * arguments, e.g. the name of the offending field.
 */
public enum ErrorCatalogue {
    AUTHORIZATION_HEADER_REQUIRED(401, "Authorization header required"),
    AUTHORIZATION_HEADER_INVALID(401, "Invalid authorization header format"),
    AUTHENTICATION_FAILED(401, "Authentication failed"),
    TOKEN_EXPIRED(401, "Token expired"),
    TOKEN_INVALID(401, "Invalid token"),
    REFRESH_TOKEN_INVALID(401, "Invalid or expired refresh token"),
    SECOND_FACTOR_REQUIRED(401, "Second factor required"),
    SECOND_FACTOR_INVALID(401, "Invalid second factor"),

    BAD_REQUEST(400, "Malformed request"),
    INVALID_REQUEST_BODY(400, "Invalid request body"),
    FIELD_REQUIRED(400, "Field '%s' is required"),
    FIELD_WRONG_TYPE(400, "Field '%s' must be %s"),
    FIELD_INVALID(400, "Field '%s' %s"),
    PASSWORD_TOO_SHORT(400, "Field '%s' must be at least 8 characters"),
    PASSWORD_TOO_LONG(400, "Field '%s' must be at most 72 bytes in UTF-8"),
    ROLES_NOT_ALLOWED(400, "Field 'roles' is not allowed when registering yourself"),
    UNKNOWN_ROLE(400, "Field 'roles' contains an unknown role: %s (allowed: admin, user)"),
    INVALID_PATH_PARAMETER(400, "Path parameter '%s' must be a positive integer"),
    INVALID_QUERY_PARAMETER(400, "Query parameter '%s' must be %s"),
    ENTRY_CHANGE_EMPTY(400, "Give 'title', 'content' or both"),
    INVALID_PATH(400, "Invalid request path"),
    DUPLICATE_AUTHORIZATION(400, "Only one Authorization header is allowed"),
    FIELD_CONTROL_CHARACTERS(400, "Field '%s' must not contain control characters"),
    FIELD_NOT_UNICODE(400, "Field '%s' must be valid Unicode text"),
    DUPLICATE_KEY(400, "Invalid request body: duplicate key '%s'"),
    CODE_MALFORMED(400, "Field '%s' must be a 6-digit code%s"),

    ROLE_REQUIRED(403, "This action requires the %s role."),
    ACCESS_DENIED(403, "You are not allowed to perform this action."),
    NOT_DATABASE_OWNER(403, "Only the owner of this database or an admin may access it."),
    NOT_REFRESH_TOKEN_OWNER(403, "This refresh token belongs to another user."),
    NOT_ACCOUNT_OWNER(403, "Only the user themself or an admin may do this."),
    CURRENT_PASSWORD_WRONG(403, "The current password is not correct."),
    CSRF_INVALID(403, "CSRF token missing or invalid"),
    CROSS_SITE_BASIC(403, "Cross-site requests with Basic credentials are refused"),
    CODE_WRONG(403, "The code is not correct."),
    APP_PASSWORD_NO_SESSIONS(403, "App passwords cannot sign in: they make no sessions. Sign in with the account password, or send the app password with Basic on each request."),
    APP_PASSWORD_ACCOUNT_SECURITY(403, "App passwords cannot manage accounts (passwords, two-factor sign-in, app passwords, sessions, users): a credential given to a script must not take over an account. Use the account password."),
    APP_PASSWORD_READ_ONLY(403, "This app password is read-only: it may only make GET and HEAD requests."),

    NOT_FOUND(404, "Not found"),
    DATABASE_NOT_FOUND(404, "Database not found"),
    ENTRY_NOT_FOUND(404, "Entry not found"),
    USER_NOT_FOUND(404, "User not found"),
    SESSION_NOT_FOUND(404, "Session not found"),
    APP_PASSWORD_NOT_FOUND(404, "App password not found"),
    NO_PUBLIC_KEYS(404, "No public keys: this server signs tokens with HS256 (a shared secret)"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    REQUEST_TIMEOUT(408, "Request body not received in time"),
    NOT_ACCEPTABLE(406, "This endpoint only produces application/json"),
    USERNAME_TAKEN(409, "Username already exists"),
    USERNAME_CONFUSABLE(409, "Username is too similar to an existing username"),
    USERNAME_RESERVED(409, "This username is reserved"),
    LAST_ADMIN(409, "The last admin cannot be deleted or lose the admin role"),
    TOTP_ALREADY_ON(409, "Two-factor authentication is already on"),
    TOTP_NOT_ON(409, "Two-factor authentication is not on"),
    APP_PASSWORD_LIMIT(409, "A user may have at most %s app passwords: revoke one first"),
    APP_PASSWORD_ACCOUNT_CHANGED(409, "The account's password or sessions changed while the app password was being made, so none was made. Try again."),
    TOTP_NOTHING_PENDING(409, "No enrolment to confirm: start one with POST /api/users/me/totp"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Content-Type must be application/json"),
    UNSUPPORTED_CHARSET(415, "Unsupported charset in Content-Type"),
    TOO_MANY_ATTEMPTS(429, "Too many failed login attempts; try again later"),
    TOO_MANY_REGISTRATIONS(429, "Too many registrations from this address; try again later"),

    INTERNAL_ERROR(500, "Internal server error"),
    SERVICE_UNAVAILABLE(503, "Service temporarily unavailable"),
    PASSWORD_CHECKS_BUSY(503, "Too many password checks at once; try again shortly");

    private final int status;
    private final String text;

    ErrorCatalogue(int status, String text) {
        this.status = status;
        this.text = text;
    }

    public int status() {
        return status;
    }

    /** The message for the {@code error} field, with the arguments filled in. */
    public String message(Object... args) {
        return args.length == 0 ? text : String.format(text, args);
    }

    /** The catalogue entry for a bare HTTP status, used where only a status is known (servlet error pages). */
    public static ErrorCatalogue forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> AUTHORIZATION_HEADER_REQUIRED;
            case 403 -> ACCESS_DENIED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_ATTEMPTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> INTERNAL_ERROR;
        };
    }
}
