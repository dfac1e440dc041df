package com.mediahub.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.mediahub.config.ConfigFile;
import com.mediahub.config.OperationsSettings;

class RegistrationThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final RegistrationThrottle throttle = new RegistrationThrottle(OperationsSettings.from(ConfigFile.parse(
            Path.of("config.toml"), "[auth]\nregistration = \"open\"\nregistrations_per_hour = 2\n")), clock);

    @Test
    void twoPerHourPerAddressThenTheRestOfTheWindow() {
        assertEquals(Optional.empty(), throttle.attempt("10.0.0.1"));
        clock.now = clock.now.plusSeconds(600);
        assertEquals(Optional.empty(), throttle.attempt("10.0.0.1"));
        assertEquals(Optional.of(Duration.ofMinutes(50)), throttle.attempt("10.0.0.1"));
        assertEquals(Optional.empty(), throttle.attempt("10.0.0.2"), "other addresses are not affected");
        clock.now = clock.now.plus(Duration.ofMinutes(50));
        assertEquals(Optional.empty(), throttle.attempt("10.0.0.1"), "a new window");
    }

    @Test
    void manyAddressesDoNotGrowWithoutBound() {
        for (int i = 0; i < RegistrationThrottle.PRUNE_ABOVE + 10; i++) {
            throttle.attempt("10.1." + (i / 256) + "." + (i % 256));
        }
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertTrue(throttle.attempt("10.9.9.9").isEmpty());
        assertEquals(1, throttle.tracked(), "finished windows were dropped");
    }

    @Test
    void whenFullOfLiveWindowsNewAddressesAreRefusedNotTracked() {
        for (int i = 0; i < RegistrationThrottle.MAX_TRACKED; i++) {
            throttle.attempt("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }
        assertEquals(Optional.of(RegistrationThrottle.REFUSED_WHEN_FULL), throttle.attempt("192.0.2.1"));
        assertEquals(RegistrationThrottle.MAX_TRACKED, throttle.tracked());
        assertEquals(Optional.empty(), throttle.attempt("10.0.0.0"), "a tracked address keeps its own budget");
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareABudget() {
        assertEquals(Optional.empty(), throttle.attempt("2001:db8:1:2::1"));
        assertEquals(Optional.empty(), throttle.attempt("2001:db8:1:2:ffff::9"));
        assertTrue(throttle.attempt("2001:0db8:0001:0002:0:0:0:77").isPresent(), "same /64, third attempt");
        assertEquals(Optional.empty(), throttle.attempt("2001:db8:1:3::1"), "another /64");
        assertEquals("20010db800010002/64", com.mediahub.platform.net.ClientNetwork.of("2001:db8:1:2::abcd"));
        assertEquals("192.0.2.7", com.mediahub.platform.net.ClientNetwork.of("192.0.2.7"));
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
