package org.cqpsuite.registration.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * France compétences' decision on a request, or the registration of a successor in a renewal. Body of a registration
 * {@code {"outcome": "REGISTERED", "code": "RNCP99001", "registrationType": "ON_REQUEST", "decidedOn": "2019-06-01",
 * "effectiveFrom": "2019-06-15", "endsOn": "2024-06-14", "level": 4, "awardDeadline": null, "blocks": [{"code":
 * "RNCP99001BC01", "title": "..."}]}}, of a refusal {@code {"outcome": "REFUSED", "decidedOn": "2019-06-01"}}.
 *
 * <p>Immutable; a {@code null} list is an empty list, {@code null} elements are kept for the rules to report.
 *
 * @param outcome REGISTERED or REFUSED
 * @param code the registration code in the directory ({@code RNCP99001}, {@code RS5568})
 * @param registrationType on request (sur demande) or by right (de droit)
 * @param decidedOn the date of the decision
 * @param effectiveFrom the first day of the registration
 * @param endsOn the last day of the registration ({@code DATE_FIN_ENREGISTREMENT}); inactive from the day after
 * @param level the qualification level 1 to 8 (RNCP registrations decided on or after 2019-01-01 only)
 * @param awardDeadline the last day on which the certification may still be awarded ({@code DATE_LIMITE_DELIVRANCE}),
 *        optional
 * @param blocks the skills blocks (RNCP only)
 */
public record Decision(Outcome outcome, String code, RegistrationType registrationType, LocalDate decidedOn,
        LocalDate effectiveFrom, LocalDate endsOn, Integer level, LocalDate awardDeadline, List<Block> blocks) {

    public Decision {
        blocks = Values.list(blocks);
    }

    /** A refusal: only its date. */
    public static Decision refused(LocalDate decidedOn) {
        return new Decision(Outcome.REFUSED, null, null, decidedOn, null, null, null, null, List.of());
    }
}
