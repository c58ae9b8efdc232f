package org.cqpsuite.certification.domain;

/**
 * One skill or piece of knowledge (compétence, connaissance).
 *
 * @param label what the holder can do or knows
 * @param transversal whether it is a transversal skill (compétence transversale), useful beyond the trade
 */
public record Skill(String label, boolean transversal) {
}
