package org.cqpsuite.eligibility.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's calendar: "today", the default date of every question, is today in Europe/Paris. */
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "cqp.eligibility.zone", defaultValue = "Europe/Paris") ZoneId zone) {
        return Clock.system(zone);
    }

    /** The date asked about, or today when none was given. */
    public static LocalDate dateOrToday(LocalDate date, Clock clock) {
        return date != null ? date : LocalDate.now(clock);
    }
}
