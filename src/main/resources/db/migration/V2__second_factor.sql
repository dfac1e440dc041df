-- Issue 18: a second factor, TOTP with recovery codes (docs/adr/0023-second-factor-totp.md).
-- Released: never edit, add a V3 instead (docs/operations.md).

-- One enrolment per user. The secret is AES-GCM ciphertext, "v1.<key id>.<base64url>", never the
-- plain secret. confirmed_at is null while the enrolment is pending (not yet proven with a code).
CREATE TABLE totp_enrolments (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    secret VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at TIMESTAMP WITH TIME ZONE
);

-- The 30-second steps whose code a user has already used: each step's code works once. Rows go
-- with the enrolment, and a user's steps older than the window are deleted when a new one is spent.
CREATE TABLE totp_spent_steps (
    user_id BIGINT NOT NULL REFERENCES totp_enrolments(user_id) ON DELETE CASCADE,
    step BIGINT NOT NULL,
    PRIMARY KEY (user_id, step)
);

-- Recovery codes as SHA-256 of the user id and the normalized code; a row is deleted when used.
CREATE TABLE recovery_codes (
    user_id BIGINT NOT NULL REFERENCES totp_enrolments(user_id) ON DELETE CASCADE,
    code_hash VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_id, code_hash)
);

-- How the session's login was proven (RFC 8176 amr values, space-separated), handed from each
-- refresh token to its successor so that refreshed access tokens keep the login's values. The
-- login time (auth_time) is family_created_at. Sessions from before this version: a password.
ALTER TABLE refresh_tokens ADD COLUMN amr VARCHAR(32) DEFAULT 'pwd' NOT NULL;

-- The user's token version a session was signed in (or last confirmed) under. A token is consumed
-- only while it equals users.token_version, so a login or refresh that raced a "sign out
-- everywhere" (or turning on a second factor) and escaped its DELETE cannot go on. Null for
-- sessions from before this version: not checked.
ALTER TABLE refresh_tokens ADD COLUMN token_version INT;
