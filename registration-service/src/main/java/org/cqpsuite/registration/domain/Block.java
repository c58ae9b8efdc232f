package org.cqpsuite.registration.domain;

/**
 * A skills block (bloc de compétences) of an RNCP registration, as the directory lists it.
 *
 * @param code {@code RNCPnnnnnBCnn}: the registration code, {@code BC}, 1 or 2 digits ({@code RNCP99001BC01})
 * @param title the block's title
 */
public record Block(String code, String title) {
}
