package org.cqpsuite.eligibility.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to "can a holder assert this certification with a company of branch B?".
 *
 * @param recognized whether branch B recognises it
 * @param scope who recognises it on {@code asOf}
 * @param carryingBranches the carrying branches (IDCCs)
 * @param asOf the date the scope was evaluated on: the award date when given, else the date asked about
 * @param reasons why, in order, each with its legal reference
 */
public record RecognitionAnswer(boolean recognized, Scope scope, List<String> carryingBranches, LocalDate asOf,
        List<Reason> reasons) {

    /** Who recognises a certification. */
    public enum Scope {
        /** Registered in the RNCP: the companies of every branch. */
        ALL_BRANCHES,
        /** Transmitted only, or registered in the RS only: the companies of the carrying branches. */
        CARRYING_BRANCHES,
        /** Not transmitted: nobody. */
        NONE
    }

    public RecognitionAnswer {
        carryingBranches = carryingBranches == null ? List.of() : List.copyOf(carryingBranches);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The codes of the reasons, in order. */
    public List<String> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
