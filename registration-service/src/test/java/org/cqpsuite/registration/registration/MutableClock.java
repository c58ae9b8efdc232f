package org.cqpsuite.registration.registration;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The service's clock in tests: the real one, unless a test moves it (expiry). */
public class MutableClock {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final AtomicReference<Instant> FIXED = new AtomicReference<>();

    /** Makes the service believe it is this day, at noon in Paris. */
    public static void today(java.time.LocalDate day) {
        FIXED.set(day.atTime(12, 0).atZone(PARIS).toInstant());
    }

    public static void reset() {
        FIXED.set(null);
    }

    @Produces
    @Mock
    @ApplicationScoped
    Clock clock() {
        Clock system = Clock.tick(Clock.system(PARIS), Duration.ofNanos(1_000));
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return PARIS;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                Instant fixed = FIXED.get();
                return fixed != null ? fixed : system.instant();
            }
        };
    }
}
