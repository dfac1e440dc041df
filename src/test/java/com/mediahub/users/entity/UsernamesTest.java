package com.mediahub.users.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Review item 9: the look-alikes of the review, and names that must stay apart. */
class UsernamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Admin", "ADMIN", "\uFF41\uFF44\uFF4D\uFF49\uFF4E"})
    void item09_caseAndWidthVariantsAreTheSameName(String variant) {
        assertEquals(Optional.of("admin"), Usernames.canonical(variant), variant);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0430dmin", "adm\u0131n", "adrnin"})
    void item09_lookAlikesHaveTheSameSkeleton(String lookAlike) {
        String canonical = Usernames.canonical(lookAlike).orElseThrow();
        assertNotEquals("admin", canonical, "a different name ...");
        assertEquals(Usernames.skeleton("admin"), Usernames.skeleton(canonical), "... that looks the same: " + lookAlike);
    }

    @Test
    void item09_mathematicalLettersAreNotAUsernameAtAll() {
        assertEquals(Optional.empty(), Usernames.canonical("\uD835\uDC1A\uD835\uDC1D\uD835\uDC26\uD835\uDC22\uD835\uDC27"));
    }

    @Test
    void differentNamesStayDifferent() {
        assertNotEquals(Usernames.skeleton("alice"), Usernames.skeleton("alicia"));
        assertNotEquals(Usernames.skeleton(Usernames.lookupKey("J\u00FCrgen")), Usernames.skeleton("jurgen"));
        assertEquals(Usernames.lookupKey("J\u00FCrgen"), Usernames.lookupKey("Ju\u0308rgen"), "composed and decomposed are one name");
    }

    @Test
    void item09_adminLikeNamesAreReservedForRegistration() {
        assertTrue(Usernames.isReserved("admin"));
        assertTrue(Usernames.isReserved("site-admin"));
        assertTrue(Usernames.isReserved(Usernames.canonical("\u0430dmin").orElseThrow()));
        assertTrue(Usernames.isReserved("root"));
        assertFalse(Usernames.isReserved("alice"));
    }
}
