package org.cqpsuite.events.registration;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One transmission of the certification to France compétences (article L6113-4 of the Code du travail): from it on,
 * a CQP exists legally and is recognised by the companies of its carrying branches. Transmissions are never changed
 * nor removed; a new transmission (e.g. of a new version of the CQP) is appended.
 *
 * @param transmittedOn the day it was transmitted
 * @param reference France compétences' acknowledgement reference, e.g. {@code FC-2019-03-0142}; {@code null} when
 *        there is none (an inferred transmission, or none was given); not empty otherwise
 * @param recordedAt when registration-service recorded it, RFC 3339 in UTC
 * @param inferred {@code true} when it was not recorded by a user but inferred from a directory import: a
 *        CQP or CQPI found registered in the RNCP or the RS was necessarily transmitted, on a day the directory does
 *        not give: {@code transmittedOn} is then a date derived from the directory (registration-service takes the
 *        earliest decision or effective date of the certification's registrations), not the real transmission date.
 *        Certifications of kind {@code OTHER} get no transmission, inferred or not
 */
public record TransmissionState(LocalDate transmittedOn, String reference, Instant recordedAt, boolean inferred) {
}
