package org.cqpsuite.certification.domain;

import java.util.List;

/**
 * The evaluation framework (référentiel d'évaluation): the criteria and methods used to assess what was acquired,
 * including the description of the tests. Immutable; a {@code null} list is an empty list.
 */
public record EvaluationFramework(List<EvaluationItem> items) {

    public EvaluationFramework {
        items = Values.list(items);
    }
}
