package com.mediahub.users.boundary;

import java.time.format.DateTimeFormatter;

import com.mediahub.users.entity.User;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** The JSON shape of a user (contract 3.7): never the password hash. */
final class UserJson {

    private UserJson() {
    }

    static JsonObject of(User user) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        user.getRoles().forEach(roles::add);
        return Json.createObjectBuilder()
                .add("id", user.getId())
                .add("username", user.getUsername())
                .add("roles", roles)
                .add("created_at", DateTimeFormatter.ISO_INSTANT.format(user.getCreatedAt()))
                .build();
    }
}
