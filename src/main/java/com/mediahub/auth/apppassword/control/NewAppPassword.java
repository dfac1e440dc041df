package com.mediahub.auth.apppassword.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/users/me/app-passwords}, the password aside. */
public record NewAppPassword(@NotBlank @Size(max = 100) String name, boolean readOnly) {
}
