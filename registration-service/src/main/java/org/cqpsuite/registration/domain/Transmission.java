package org.cqpsuite.registration.domain;

import java.time.LocalDate;

/**
 * The transmission of a CQP to France compétences (article L6113-4 du Code du travail): from {@code transmittedOn} the
 * CQP exists legally and is recognised by the companies of its carrying branches, even before any registration. Body
 * {@code {"transmittedOn": "2019-03-01", "reference": "FC-2019-0001"}}.
 *
 * <p>Recorded once; a correction is a new entry of the history, never an overwrite: the current transmission is the
 * last entry recorded (see {@link RegistrationRules#validateRequest}).
 *
 * @param transmittedOn the date of the transmission
 * @param reference France compétences' reference of the transmission, at most 64 characters
 */
public record Transmission(LocalDate transmittedOn, String reference) {
}
