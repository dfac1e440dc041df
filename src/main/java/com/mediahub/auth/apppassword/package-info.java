/**
 * App passwords (issue 19, ADR 0024): named, revocable Basic credentials for scripts, verified
 * without bcrypt, working for users with a second factor. They never make sessions and never
 * change how the account is protected; read-only ones only read.
 */
package com.mediahub.auth.apppassword;
