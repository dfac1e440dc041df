/** App passwords at rest: only their SHA-256, with a name, the read-only flag and the last use. */
package com.mediahub.auth.apppassword.entity;
