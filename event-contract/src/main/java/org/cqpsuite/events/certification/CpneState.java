package org.cqpsuite.events.certification;

/**
 * A CPNE (commission paritaire nationale de l'emploi) issuing the certification.
 *
 * @param name e.g. {@code CPNEFP textile}
 * @param idcc the IDCC of its branch's collective agreement: 4 digits, zero-padded, e.g. {@code 0018}
 */
public record CpneState(String name, String idcc) {
}
