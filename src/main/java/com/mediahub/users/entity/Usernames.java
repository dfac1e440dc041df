package com.mediahub.users.entity;

import java.util.Optional;
import java.util.Set;

import com.ibm.icu.text.SpoofChecker;

import rocks.xmpp.precis.PrecisProfiles;

/**
 * How usernames are compared (security review item 9). Two names are the same account when their
 * RFC 8265 UsernameCaseMapped forms are equal ({@code Admin}, {@code ADMIN} and fullwidth
 * {@code ａｄｍｉｎ} are all {@code admin}), and a new name is refused when its Unicode
 * confusable skeleton (UTS #39) equals an existing one's (Cyrillic {@code аdmin}, dotless
 * {@code admın}). Names PRECIS refuses outright (e.g. mathematical bold letters) cannot be created.
 */
public final class Usernames {

    /** Immutable once built, and documented by ICU as safe for concurrent use. */
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

    /** Names that self-registration may not take, compared by skeleton; any name containing "admin" is also refused. */
    private static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "superuser", "sysadmin", "system",
            "support", "security", "mediahub", "moderator", "owner", "postmaster", "webmaster", "hostmaster");

    private Usernames() {
    }

    /** The UsernameCaseMapped form, or empty when PRECIS does not allow the name. */
    public static Optional<String> canonical(String username) {
        try {
            return Optional.of(PrecisProfiles.USERNAME_CASE_MAPPED.enforce(username));
        } catch (IllegalArgumentException notAUsername) {
            return Optional.empty();
        }
    }

    /** The key a name is looked up and throttled by: its canonical form, or the name itself when it has none. */
    public static String lookupKey(String username) {
        return canonical(username).orElse(username);
    }

    /** The UTS #39 skeleton of a canonical name. */
    public static String skeleton(String canonical) {
        return CONFUSABLES.getSkeleton(canonical);
    }

    /** Whether self-registration must refuse the name: it looks like an administrative or system account. */
    public static boolean isReserved(String canonical) {
        String skeleton = skeleton(canonical);
        return skeleton.contains(skeleton("admin"))
                || RESERVED.stream().anyMatch(reserved -> skeleton(reserved).equals(skeleton));
    }
}
