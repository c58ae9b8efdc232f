package org.cqpsuite.registration.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The service's clock: calendar dates (today, expiry) are those of Europe/Paris, and instants tick in microseconds,
 * the precision PostgreSQL keeps. Tests replace it to move time (expiry).
 */
public class Clocks {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.system(PARIS), Duration.ofNanos(1_000));
    }
}
