package com.mediahub.auth.apppassword.entity;

import com.mediahub.users.entity.User;

/** An app password and the user it belongs to, as one statement read them. */
public record AppPasswordOwner(AppPassword appPassword, User owner) {
}
