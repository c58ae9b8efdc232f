package org.cqpsuite.eligibility.rules;

import java.util.UUID;

/**
 * The registration that follows one that ended or was replaced.
 *
 * @param id the successor entry of the same certification, or {@code null} when only a code is known (directory
 *        import: another certification)
 * @param code its directory code, or {@code null} when not known
 */
public record SuccessorRef(UUID id, String code) {
}
