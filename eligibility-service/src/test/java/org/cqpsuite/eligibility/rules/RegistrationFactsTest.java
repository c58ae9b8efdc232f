package org.cqpsuite.eligibility.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cqpsuite.eligibility.rules.Fixtures.date;
import static org.cqpsuite.eligibility.rules.Fixtures.rncp;

import org.cqpsuite.eligibility.rules.RegistrationFacts.Standing;
import org.cqpsuite.eligibility.rules.RegistrationFacts.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RegistrationFactsTest {

    @ParameterizedTest(name = "{0} from {1} to {2}, withdrawn {3}: on {4} → {5}")
    @CsvSource(nullValues = "-", value = {
            // effectiveFrom boundaries
            "REGISTERED, 2019-06-15, 2024-06-14, -,          2019-06-14, NOT_YET_EFFECTIVE",
            "REGISTERED, 2019-06-15, 2024-06-14, -,          2019-06-15, IN_FORCE",
            "REGISTERED, 2019-06-15, 2024-06-14, -,          2019-06-16, IN_FORCE",
            // endsOn boundaries (inactive from the day after)
            "REGISTERED, 2019-06-15, 2024-06-14, -,          2024-06-13, IN_FORCE",
            "REGISTERED, 2019-06-15, 2024-06-14, -,          2024-06-14, IN_FORCE",
            "REGISTERED, 2019-06-15, 2024-06-14, -,          2024-06-15, ENDED",
            "EXPIRED,    2019-06-15, 2024-06-14, -,          2024-06-14, IN_FORCE",
            "EXPIRED,    2019-06-15, 2024-06-14, -,          2024-06-15, ENDED",
            "REPLACED,   2019-06-15, 2024-06-14, -,          2024-06-14, IN_FORCE",
            "REPLACED,   2019-06-15, 2024-06-14, -,          2024-06-15, ENDED",
            // without end (registration by right)
            "REGISTERED, 2019-06-15, -,          -,          2099-12-31, IN_FORCE",
            "REGISTERED, 2019-06-15, -,          -,          2019-06-14, NOT_YET_EFFECTIVE",
            // withdrawnOn boundaries: withdrawnOn is the first day no longer in force
            "WITHDRAWN,  2019-06-15, 2024-06-14, 2021-03-01, 2021-02-28, IN_FORCE",
            "WITHDRAWN,  2019-06-15, 2024-06-14, 2021-03-01, 2021-03-01, WITHDRAWN",
            "WITHDRAWN,  2019-06-15, 2024-06-14, 2021-03-01, 2021-03-02, WITHDRAWN",
            "WITHDRAWN,  2019-06-15, 2024-06-14, 2021-03-01, 2025-01-01, WITHDRAWN",
            "WITHDRAWN,  2019-06-15, 2024-06-14, 2021-03-01, 2019-06-14, NOT_YET_EFFECTIVE",
            // withdrawn before it took effect: withdrawal wins once the withdrawal day is reached
            "WITHDRAWN,  2019-06-15, 2024-06-14, 2019-06-10, 2019-06-12, WITHDRAWN",
            // withdrawn after its end: it ended first
            "WITHDRAWN,  2019-06-15, 2024-06-14, 2024-06-20, 2024-06-25, ENDED",
            "WITHDRAWN,  2019-06-15, 2024-06-14, 2024-06-15, 2024-06-15, ENDED",
            "WITHDRAWN,  2019-06-15, 2024-06-14, 2024-06-14, 2024-06-14, WITHDRAWN",
            // never granted: whatever the dates
            "REQUESTED,  -,          -,          -,          2020-01-01, NEVER_REGISTERED",
            "REFUSED,    -,          -,          -,          2020-01-01, NEVER_REGISTERED",
            "REQUESTED,  2019-06-15, 2024-06-14, -,          2020-01-01, NEVER_REGISTERED",
            "REFUSED,    2019-06-15, 2024-06-14, -,          2020-01-01, NEVER_REGISTERED",
    })
    void standingOnADate(Status status, String from, String ends, String withdrawn, String on, Standing expected) {
        RegistrationFacts r = new RegistrationFacts(null, RegistrationFacts.Directory.RNCP, "RNCP34486", status,
                date(from), date(ends), date("2019-06-01"), 4, null, date(withdrawn), null, null);
        assertThat(r.standingOn(date(on))).isEqualTo(expected);
        assertThat(r.inForceOn(date(on))).isEqualTo(expected == Standing.IN_FORCE);
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void onlyRequestedAndRefusedWereNeverRegistered(Status status) {
        assertThat(status.wasRegistered()).isEqualTo(status != Status.REQUESTED && status != Status.REFUSED);
    }

    @Test
    void blocksAreComparedTrimmedAndCaseInsensitive() {
        RegistrationFacts r = rncp().build();
        assertThat(r.listsBlock("RNCP34486BC01")).isTrue();
        assertThat(r.listsBlock(" rncp34486bc02 ")).isTrue();
        assertThat(r.listsBlock("RNCP34486BC03")).isFalse();
        assertThat(r.blockCodes()).containsExactly("RNCP34486BC01", "RNCP34486BC02");
    }

    @Test
    void nullListsAreEmpty() {
        RegistrationFacts r = new RegistrationFacts(null, RegistrationFacts.Directory.RS, "RS1", Status.REGISTERED,
                date("2020-01-01"), null, date("2019-12-01"), null, null, null, null, null);
        assertThat(r.blockCodes()).isEmpty();
        CertificationFacts c = new CertificationFacts(Fixtures.CERTIFICATION_ID, CertificationFacts.Kind.CQP, "t",
                null, null, null);
        assertThat(c.carryingBranches()).isEmpty();
        assertThat(c.transmissionDates()).isEmpty();
        assertThat(c.registrations()).isEmpty();
        assertThat(c.transmittedOn()).isNull();
    }
}
