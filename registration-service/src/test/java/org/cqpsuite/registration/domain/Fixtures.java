package org.cqpsuite.registration.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Test data: the contract examples, and a builder to vary one field of a decision at a time. */
final class Fixtures {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    static final Predicate<String> NONE_TAKEN = code -> false;
    static final Transmission TRANSMISSION = new Transmission(date("2019-03-01"), "FC-2019-0001");

    private Fixtures() {
    }

    static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    /** The REQUESTED registration of the contract example: RNCP, requested on 2019-03-10. */
    static Registration requested() {
        return requested(Directory.RNCP, "2019-03-10");
    }

    static Registration requested(Directory directory, String requestedOn) {
        return Registration.requested(directory, date(requestedOn));
    }

    /** The REGISTERED registration of the contract example. */
    static Registration registered() {
        return RegistrationLifecycle.decide(requested(), rncp().build());
    }

    /** A REGISTERED registration with the given dates (RNCP, decided on 2019-06-01, code RNCP99001). */
    static Registration registered(String effectiveFrom, String endsOn) {
        return RegistrationLifecycle.decide(requested(),
                rncp().effectiveFrom(effectiveFrom).endsOn(endsOn).build());
    }

    /** A registration in each status, all from the contract example. */
    static Registration inStatus(RegistrationStatus status) {
        return switch (status) {
            case REQUESTED -> requested();
            case REGISTERED -> registered();
            case REFUSED -> RegistrationLifecycle.decide(requested(), Decision.refused(date("2019-06-01")));
            case WITHDRAWN -> RegistrationLifecycle.withdraw(registered(),
                    new Withdrawal(date("2021-01-01"), "Retrait à la demande de la CPNE"));
            case EXPIRED -> RegistrationLifecycle.expire(registered(), date("2024-06-15"));
            case REPLACED -> RegistrationLifecycle.renew(registered(), renewal().build()).replaced();
        };
    }

    /** The decision of the contract example: RNCP99001, on request, 2019-06-01, 2019-06-15 → 2024-06-14, level 4. */
    static Builder rncp() {
        return new Builder().outcome(Outcome.REGISTERED).code("RNCP99001").type(RegistrationType.ON_REQUEST)
                .decidedOn("2019-06-01").effectiveFrom("2019-06-15").endsOn("2024-06-14").level(4)
                .blocks(new Block("RNCP99001BC01", "Contrôler la qualité"));
    }

    /** A valid RS decision: RS5568, no level, no blocks. */
    static Builder rs() {
        return new Builder().outcome(Outcome.REGISTERED).code("RS5568").type(RegistrationType.ON_REQUEST)
                .decidedOn("2019-06-01").effectiveFrom("2019-06-15").endsOn("2024-06-14");
    }

    /** A valid renewal of {@link #registered()}: RNCP99002 from 2024-06-15 to 2029-06-14, decided 2024-05-15. */
    static Builder renewal() {
        return rncp().code("RNCP99002").decidedOn("2024-05-15").effectiveFrom("2024-06-15").endsOn("2029-06-14")
                .blocks(new Block("RNCP99002BC01", "Contrôler la qualité"));
    }

    static final class Builder {
        private Outcome outcome;
        private String code;
        private RegistrationType type;
        private LocalDate decidedOn;
        private LocalDate effectiveFrom;
        private LocalDate endsOn;
        private Integer level;
        private LocalDate awardDeadline;
        private List<Block> blocks = new ArrayList<>();

        Builder outcome(Outcome value) {
            outcome = value;
            return this;
        }

        Builder code(String value) {
            code = value;
            return this;
        }

        Builder type(RegistrationType value) {
            type = value;
            return this;
        }

        Builder decidedOn(String value) {
            decidedOn = date(value);
            return this;
        }

        Builder effectiveFrom(String value) {
            effectiveFrom = date(value);
            return this;
        }

        Builder endsOn(String value) {
            endsOn = date(value);
            return this;
        }

        Builder level(Integer value) {
            level = value;
            return this;
        }

        Builder awardDeadline(String value) {
            awardDeadline = date(value);
            return this;
        }

        Builder blocks(Block... values) {
            blocks = Arrays.asList(values);
            return this;
        }

        Decision build() {
            return new Decision(outcome, code, type, decidedOn, effectiveFrom, endsOn, level, awardDeadline, blocks);
        }
    }
}
