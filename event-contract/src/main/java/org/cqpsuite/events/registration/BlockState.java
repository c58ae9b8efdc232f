package org.cqpsuite.events.registration;

/**
 * A skills block (bloc de compétences) of an RNCP registration, as registered.
 *
 * @param code {@code RNCPnnnnnBCnn}: the registration's code, {@code BC} and 1 or 2 digits, e.g.
 *        {@code RNCP99001BC01} (the directory also has {@code BC1}-style codes); pattern
 *        {@value RegistrationEntry#BLOCK_CODE_PATTERN}
 * @param title e.g. {@code Réaliser les contrôles qualité en cours de production}; not empty
 */
public record BlockState(String code, String title) {
}
