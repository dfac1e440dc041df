package com.mediahub.auth.password.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the login throttle counts under (review items 9 and 13). */
class LoginThrottleKeysTest {

    @Test
    void item13_ipv6ClientsAreCountedPerSlash64LikeRegistration() {
        assertEquals(LoginThrottle.addressKey("2001:db8:1:2::1"), LoginThrottle.addressKey("2001:db8:1:2:ffff::9"));
        assertNotEquals(LoginThrottle.addressKey("2001:db8:1:2::1"), LoginThrottle.addressKey("2001:db8:1:3::1"));
        assertEquals("address:192.0.2.7", LoginThrottle.addressKey("192.0.2.7"));
    }

    @Test
    void item09_caseVariantsOfAUsernameShareOneCounter() {
        assertEquals(LoginThrottle.userKey("admin"), LoginThrottle.userKey("ADMIN"));
        assertEquals(LoginThrottle.userKey("admin"), LoginThrottle.userKey("\uFF41\uFF44\uFF4D\uFF49\uFF4E"));
        assertTrue(LoginThrottle.userKey("x".repeat(300)).startsWith("user:sha256:"), "long names are keyed by hash");
    }
}
