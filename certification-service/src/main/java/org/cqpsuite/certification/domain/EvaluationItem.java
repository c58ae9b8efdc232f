package org.cqpsuite.certification.domain;

import java.util.List;

/**
 * How one skill or skills block is assessed. Immutable; {@code null} lists are empty lists.
 *
 * @param target a block code or a skill label of the skills framework
 * @param criteria evaluation criteria (critères d'évaluation), at least one
 * @param methods evaluation methods (modalités d'évaluation), at least one
 * @param tests the description of the tests (description des épreuves), optional
 */
public record EvaluationItem(String target, List<String> criteria, List<String> methods, String tests) {

    public EvaluationItem {
        criteria = Values.list(criteria);
        methods = Values.list(methods);
    }
}
