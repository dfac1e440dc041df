package com.mediahub.databases.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/entry}. */
public record NewEntry(@Positive long databaseId,
                       @NotBlank @Size(max = 200) String title,
                       @NotNull @Size(max = 20000) String content) {
}
