package com.mediahub.platform.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The one place the application takes the time from: every bean injects {@link Clock}, so unit
 * tests drive time with a fixed or stepped clock instead of sleeping. UTC, because every stored
 * time ({@code timestamptz}) and every token claim is UTC. Dependent scope: a {@code Clock} is
 * immutable, and a normal scope would need a proxy of it.
 */
@ApplicationScoped
public class ClockProducer {

    private final Clock clock = Clock.systemUTC();

    @Produces
    public Clock clock() {
        return clock;
    }
}
