package org.cqpsuite.certification.domain;

/**
 * A CPNE (commission paritaire nationale de l'emploi, sometimes CPNEFP) issuing a certification: the joint committee
 * of the branch identified by {@code idcc}.
 *
 * @param name the committee's name, e.g. {@code CPNEFP textile}
 * @param idcc the 4-digit, zero-padded IDCC code of the branch's collective agreement, e.g. {@code 0018}
 */
public record Cpne(String name, String idcc) {
}
