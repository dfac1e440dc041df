package com.mediahub.auth.apppassword.control;

import com.mediahub.auth.apppassword.entity.AppPassword;

/** A new app password and its value, which leaves the server in this one answer and is never kept. */
public record CreatedAppPassword(AppPassword stored, String value) {
}
