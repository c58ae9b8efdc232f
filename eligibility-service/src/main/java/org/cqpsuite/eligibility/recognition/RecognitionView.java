package org.cqpsuite.eligibility.recognition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cqpsuite.eligibility.api.CertificationRef;
import org.cqpsuite.eligibility.readmodel.CertificationRecord;
import org.cqpsuite.eligibility.rules.Reason;
import org.cqpsuite.eligibility.rules.RecognitionAnswer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to "can a holder assert this certification in a company of branch {@code idcc}?".
 *
 * @param recognized whether the branch's companies recognise it
 * @param scope who recognises it: ALL_BRANCHES (RNCP registration in force), CARRYING_BRANCHES (transmitted only, or
 *        RS only), NONE (no legal existence)
 * @param idcc the branch asked about, 4 digits
 * @param carryingBranches the branches carrying the certification
 * @param asOf the date asked about
 * @param scopeDate the date the scope was evaluated on: the award date when {@code awardedOn} was given, else
 *        {@code asOf}
 * @param certification what was asked about
 * @param reasons why, in order, each in French with a stable code and its legal reference
 * @param dataAsOf the time of the last event applied to the read model
 */
@Schema(name = "Recognition")
public record RecognitionView(boolean recognized,
        @Schema(enumeration = {"ALL_BRANCHES", "CARRYING_BRANCHES", "NONE"}) String scope,
        @Schema(example = "1580") String idcc, List<Branch> carryingBranches, LocalDate asOf, LocalDate scopeDate,
        CertificationRef certification, List<Reason> reasons, Instant dataAsOf) {

    /**
     * A carrying branch.
     *
     * @param idcc its IDCC, 4 digits
     * @param label the name of its CPNE that issues the certification
     */
    @Schema(name = "CarryingBranch")
    public record Branch(@Schema(example = "1580") String idcc,
            @Schema(example = "CPNE de l'industrie de la chaussure") String label) {
    }

    static RecognitionView of(CertificationRecord certification, String code, String idcc, LocalDate asOf,
            RecognitionAnswer answer, Instant dataAsOf) {
        return new RecognitionView(answer.recognized(), answer.scope().name(), idcc,
                answer.carryingBranches().stream().map(b -> new Branch(b, certification.cpneOf(b))).toList(), asOf,
                answer.asOf(),
                new CertificationRef(certification.id(), code, certification.title(), certification.kind().name()),
                answer.reasons(), dataAsOf);
    }
}
