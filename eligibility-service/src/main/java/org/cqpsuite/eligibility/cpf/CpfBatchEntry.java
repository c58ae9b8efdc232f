package org.cqpsuite.eligibility.cpf;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.cqpsuite.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One code of a batch: its answer, or the problem a single question about it would have got (400 for a malformed
 * code, 404 for an unknown one).
 *
 * @param code the code as sent
 * @param answer the answer, or {@code null}
 * @param error the problem, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CpfBatchEntry")
public record CpfBatchEntry(@Schema(example = "RNCP34486") String code, CpfEligibilityView answer, Problem error) {

    static CpfBatchEntry answer(String code, CpfEligibilityView answer) {
        return new CpfBatchEntry(code, answer, null);
    }

    static CpfBatchEntry error(String code, Problem error) {
        return new CpfBatchEntry(code, null, error);
    }
}
