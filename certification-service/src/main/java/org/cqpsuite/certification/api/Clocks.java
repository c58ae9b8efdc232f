package org.cqpsuite.certification.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The service's clock: calendar dates are those of Europe/Paris, and instants tick in microseconds, the precision
 * PostgreSQL keeps (with nanoseconds, a stored instant would differ from the entity's and Hibernate would see a change
 * that is not one). A test may replace it with a fixed clock.
 */
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.system(ZoneId.of("Europe/Paris")), Duration.ofNanos(1_000));
    }
}
