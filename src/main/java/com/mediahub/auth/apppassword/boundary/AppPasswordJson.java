package com.mediahub.auth.apppassword.boundary;

import java.time.format.DateTimeFormatter;
import java.util.List;

import com.mediahub.auth.apppassword.control.CreatedAppPassword;
import com.mediahub.auth.apppassword.entity.AppPassword;
import com.mediahub.platform.json.Jsons;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** App passwords as the API shows them: never the value, except once in the creation's answer. */
final class AppPasswordJson {

    private AppPasswordJson() {
    }

    static JsonArray list(List<AppPassword> appPasswords) {
        var array = Jsons.PROVIDER.createArrayBuilder();
        appPasswords.forEach(appPassword -> array.add(of(appPassword)));
        return array.build();
    }

    static JsonObject of(AppPassword appPassword) {
        JsonObjectBuilder json = fields(appPassword);
        if (appPassword.getLastUsedAt() == null) {
            json.addNull("last_used_at");
        } else {
            json.add("last_used_at", DateTimeFormatter.ISO_INSTANT.format(appPassword.getLastUsedAt()));
        }
        return json.build();
    }

    static JsonObject created(CreatedAppPassword created) {
        return fields(created.stored()).add("password", created.value()).build();
    }

    private static JsonObjectBuilder fields(AppPassword appPassword) {
        return Jsons.PROVIDER.createObjectBuilder()
                .add("id", appPassword.getId())
                .add("name", appPassword.getName())
                .add("read_only", appPassword.isReadOnly())
                .add("created_at", DateTimeFormatter.ISO_INSTANT.format(appPassword.getCreatedAt()));
    }
}
