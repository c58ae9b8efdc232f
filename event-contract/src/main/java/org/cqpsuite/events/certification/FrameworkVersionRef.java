package org.cqpsuite.events.certification;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a framework, by reference: its content (activities, skills, evaluation items) stays in
 * certification-service, which serves it by certification, framework and number. Immutable: a {@code null} list is
 * empty.
 *
 * @param number 1, 2, … per certification and framework
 * @param effectiveDate the day it takes effect (a day of the Europe/Paris calendar; may be in the future)
 * @param author who added it
 * @param blockCodes for the skills framework, the codes of its skills blocks (blocs de compétences) in framework
 *        order, e.g. {@code BC01}; empty for the activities and evaluation frameworks
 */
public record FrameworkVersionRef(int number, LocalDate effectiveDate, String author, List<String> blockCodes) {

    public FrameworkVersionRef {
        blockCodes = CertificationState.list(blockCodes);
    }
}
