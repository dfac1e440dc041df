package com.mediahub.databases.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/databases}. */
public record NewDatabase(@NotBlank @Size(max = 100) String name) {
}
