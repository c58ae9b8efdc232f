package org.cqpsuite.eligibility.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to "is training toward this certification (or skills block) CPF-eligible on {@code asOf}?".
 *
 * @param eligible whether it is eligible
 * @param asOf the date asked about
 * @param basis the registration the answer rests on (in force on {@code asOf}), or {@code null}; its
 *        {@code effectiveFrom}/{@code endsOn} give the validity
 * @param level the qualification level attributed by the RNCP basis (decided on or after 2019-01-01), or {@code null}
 * @param block the skills block asked about (normalized: trimmed, upper case), or {@code null}
 * @param successor when the basis (or, without basis, the latest registration started on or before {@code asOf}) ended
 *        or was replaced and names a successor: that successor; otherwise {@code null}
 * @param reasons why, in order, each with its legal reference; the last one is {@code CPF_ELIGIBLE} or
 *        {@code CPF_NOT_ELIGIBLE}
 */
public record CpfAnswer(boolean eligible, LocalDate asOf, RegistrationFacts basis, Integer level, String block,
        SuccessorRef successor, List<Reason> reasons) {

    public CpfAnswer {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The codes of the reasons, in order. */
    public List<String> reasonCodes() {
        return reasons.stream().map(Reason::code).toList();
    }
}
