package org.cqpsuite.certification.domain;

/**
 * A trade or job the certification prepares for (métier ou emploi visé).
 *
 * @param title required
 * @param romeCode optional ROME code (Répertoire opérationnel des métiers et des emplois), e.g. {@code H1502}
 */
public record TargetedJob(String title, String romeCode) {
}
