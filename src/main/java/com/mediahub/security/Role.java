package com.mediahub.security;

import java.util.Set;

/** The role names the application knows; they are the {@code groups} of a caller. */
public final class Role {

    public static final String ADMIN = "admin";
    public static final String USER = "user";
    public static final Set<String> ALL = Set.of(ADMIN, USER);

    private Role() {
    }
}
