package com.mediahub.users.boundary;

import java.time.format.DateTimeFormatter;

import com.mediahub.platform.json.Jsons;
import com.mediahub.users.control.TwoFactorStatus;
import com.mediahub.users.entity.User;
import com.mediahub.users.entity.UserProfile;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** The JSON shape of a user (contract 3.7): never the password hash. */
final class UserJson {

    private UserJson() {
    }

    static JsonObject of(User user) {
        return of(UserProfile.of(user));
    }

    /** The caller's own user, with {@code "two_factor": {"totp": true, "recovery_codes_left": 9}}. */
    static JsonObject withTwoFactor(UserProfile user, TwoFactorStatus.Summary twoFactor) {
        return Jsons.PROVIDER.createObjectBuilder(of(user))
                .add("two_factor", Jsons.PROVIDER.createObjectBuilder()
                        .add("totp", twoFactor.totp())
                        .add("recovery_codes_left", twoFactor.recoveryCodesLeft()))
                .build();
    }

    static JsonObject of(UserProfile user) {
        JsonArrayBuilder roles = Jsons.PROVIDER.createArrayBuilder();
        user.roles().stream().sorted().forEach(roles::add);
        return Jsons.PROVIDER.createObjectBuilder()
                .add("id", user.id())
                .add("username", user.username())
                .add("roles", roles)
                .add("created_at", DateTimeFormatter.ISO_INSTANT.format(user.createdAt()))
                .build();
    }
}
