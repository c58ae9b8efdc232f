package org.cqpsuite.registration.domain;

import java.time.LocalDate;

/**
 * A request for registration (demande d'enregistrement) filed by the CPNE. Body
 * {@code {"directory": "RNCP", "requestedOn": "2019-03-10"}}.
 *
 * @param directory RNCP or RS
 * @param requestedOn the date of the request, not before the current transmission's
 */
public record RegistrationRequest(Directory directory, LocalDate requestedOn) {
}
