package com.mediahub.auth.session.boundary;

import java.time.format.DateTimeFormatter;

import com.mediahub.auth.session.entity.Session;
import com.mediahub.platform.json.Jsons;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The JSON shape of a session (contract 3.5): ids and times, never a hash or token. */
final class SessionJson {

    private SessionJson() {
    }

    static JsonObject of(Session session, boolean current) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder()
                .add("id", session.id())
                .add("created_at", DateTimeFormatter.ISO_INSTANT.format(session.createdAt()))
                .add("expires_at", DateTimeFormatter.ISO_INSTANT.format(session.expiresAt()))
                .add("last_used_at", DateTimeFormatter.ISO_INSTANT.format(session.lastUsedAt()));
        if (session.userAgent() == null) {
            json.addNull("user_agent");
        } else {
            json.add("user_agent", session.userAgent());
        }
        return json.add("current", current).build();
    }
}
