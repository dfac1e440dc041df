package com.mediahub.databases.control;

import java.util.Optional;

/** The body of {@code PATCH /api/entry/{id}}: the fields to change; an absent one stays as it is. */
public record EntryChange(Optional<String> title, Optional<String> content) {

    boolean isEmpty() {
        return title.isEmpty() && content.isEmpty();
    }
}
