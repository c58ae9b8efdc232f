package org.cqpsuite.eligibility.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cqpsuite.eligibility.rules.Fixtures.cqp;
import static org.cqpsuite.eligibility.rules.Fixtures.date;
import static org.cqpsuite.eligibility.rules.Fixtures.rncp;
import static org.cqpsuite.eligibility.rules.Fixtures.rs;
import static org.cqpsuite.eligibility.rules.Reason.*;

import java.util.Optional;
import org.cqpsuite.eligibility.rules.CertificationFacts.Kind;
import org.cqpsuite.eligibility.rules.RecognitionAnswer.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CrossBranchRecognitionTest {

    static RecognitionAnswer evaluate(CertificationFacts c, String idcc, String on) {
        return CrossBranchRecognition.evaluate(c, idcc, date(on), Optional.empty());
    }

    static RecognitionAnswer evaluate(CertificationFacts c, String idcc, String on, String awardedOn) {
        return CrossBranchRecognition.evaluate(c, idcc, date(on), Optional.of(date(awardedOn)));
    }

    static void assertWellFormed(RecognitionAnswer answer) {
        assertThat(answer.reasons()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.message()).isNotBlank();
            assertThat(r.legalReference()).startsWith("Code du travail, art. L61");
        });
        if (answer.scope() == Scope.NONE) {
            assertThat(answer.recognized()).isFalse();
        }
        if (answer.scope() == Scope.ALL_BRANCHES) {
            assertThat(answer.recognized()).isTrue();
        }
    }

    /** What the certification is on the date: its registrations, the branch asking, and the expected answer. */
    @ParameterizedTest(name = "{0}: branch {1} on {2} → {3} {4}")
    @CsvSource({
            // not transmitted (yet): nobody
            "not-transmitted,   0018, 2020-01-01, NONE,              false",
            "transmitted-later, 0018, 2019-02-28, NONE,              false",
            // transmission day boundaries
            "transmitted-only,  0018, 2019-03-01, CARRYING_BRANCHES, true",
            "transmitted-only,  1580, 2019-03-01, CARRYING_BRANCHES, false",
            "transmitted-only,  0018, 2019-02-28, NONE,              false",
            // RNCP in force: every branch, on the boundaries
            "rncp,              1580, 2019-06-14, CARRYING_BRANCHES, false",
            "rncp,              1580, 2019-06-15, ALL_BRANCHES,      true",
            "rncp,              1580, 2024-06-14, ALL_BRANCHES,      true",
            "rncp,              1580, 2024-06-15, CARRYING_BRANCHES, false",
            "rncp,              0018, 2024-06-15, CARRYING_BRANCHES, true",
            // withdrawn RNCP registration
            "rncp-withdrawn,    1580, 2021-02-28, ALL_BRANCHES,      true",
            "rncp-withdrawn,    1580, 2021-03-01, CARRYING_BRANCHES, false",
            "rncp-withdrawn,    0018, 2021-03-01, CARRYING_BRANCHES, true",
            // RS only: the carrying branches
            "rs,                1580, 2020-01-01, CARRYING_BRANCHES, false",
            "rs,                0018, 2020-01-01, CARRYING_BRANCHES, true",
            // RNCP and RS: RNCP wins
            "rncp-and-rs,       1580, 2020-01-01, ALL_BRANCHES,      true",
            // IDCC written without its zeros
            "transmitted-only,  18,   2020-01-01, CARRYING_BRANCHES, true",
    })
    void scopeByLegalStatus(String situation, String idcc, String on, Scope scope, boolean recognized) {
        Fixtures.Cert cert = switch (situation) {
            case "not-transmitted" -> cqp().transmitted();
            case "transmitted-later" -> cqp().transmitted("2019-03-01").with(rncp().from("2019-01-01"));
            case "transmitted-only" -> cqp();
            case "rncp" -> cqp().with(rncp());
            case "rncp-withdrawn" -> cqp().with(rncp().withdrawn("2021-03-01"));
            case "rs" -> cqp().with(rs());
            case "rncp-and-rs" -> cqp().with(rs(), rncp());
            default -> throw new IllegalArgumentException(situation);
        };
        RecognitionAnswer answer = evaluate(cert.build(), idcc, on);
        assertWellFormed(answer);
        assertThat(answer.scope()).isEqualTo(scope);
        assertThat(answer.recognized()).isEqualTo(recognized);
        assertThat(answer.asOf()).isEqualTo(date(on));
        assertThat(answer.carryingBranches()).containsExactly("0018");
        String last = answer.reasonCodes().get(answer.reasons().size() - 1);
        switch (scope) {
            case NONE -> assertThat(answer.reasonCodes()).containsExactly(NOT_TRANSMITTED,
                    NOT_RECOGNISED_NO_LEGAL_EXISTENCE);
            case ALL_BRANCHES -> assertThat(answer.reasonCodes()).containsExactly(TRANSMITTED,
                    REGISTERED_RNCP_IN_FORCE, RECOGNISED_ALL_BRANCHES);
            case CARRYING_BRANCHES -> assertThat(last).isEqualTo(
                    recognized ? RECOGNISED_CARRYING_BRANCH : NOT_RECOGNISED_OUTSIDE_CARRYING_BRANCHES);
        }
    }

    @Test
    void rsOnlyGivesItsRegistrationAsAReason() {
        RecognitionAnswer answer = evaluate(cqp().with(rs()).build(), "1580", "2020-01-01");
        assertThat(answer.reasonCodes()).containsExactly(TRANSMITTED, REGISTERED_RS_IN_FORCE,
                NOT_RECOGNISED_OUTSIDE_CARRYING_BRANCHES);
        assertThat(answer.reasons().get(2).message()).contains("1580");
    }

    @ParameterizedTest(name = "CQPI carried by 0018 and 0247: branch {0} → {1}")
    @CsvSource({"0018, true", "0247, true", "247, true", "1580, false"})
    void aCqpiIsRecognisedByEachOfItsCarryingBranches(String idcc, boolean recognized) {
        CertificationFacts c = new Fixtures.Cert(Kind.CQPI).branches("0018", "0247").transmitted("2019-03-01")
                .with(rs()).build();
        RecognitionAnswer answer = evaluate(c, idcc, "2020-01-01");
        assertThat(answer.scope()).isEqualTo(Scope.CARRYING_BRANCHES);
        assertThat(answer.recognized()).isEqualTo(recognized);
        assertThat(answer.carryingBranches()).containsExactly("0018", "0247");
    }

    @Test
    void anOtherCertificationInTheRncpIsRecognisedEverywhereWithoutTransmission() {
        CertificationFacts c = new Fixtures.Cert(Kind.OTHER).branches().with(rncp()).build();
        RecognitionAnswer answer = evaluate(c, "1580", "2020-01-01");
        assertThat(answer.scope()).isEqualTo(Scope.ALL_BRANCHES);
        assertThat(answer.reasonCodes()).containsExactly(TRANSMISSION_NOT_REQUIRED, REGISTERED_RNCP_IN_FORCE,
                RECOGNISED_ALL_BRANCHES);
        RecognitionAnswer after = evaluate(c, "1580", "2025-01-01");
        assertThat(after.scope()).isEqualTo(Scope.CARRYING_BRANCHES);
        assertThat(after.recognized()).isFalse();
    }

    @ParameterizedTest(name = "awarded {0}, asked 2026-01-01 by 1580 → {1} {2}")
    @CsvSource({
            "2019-02-28, NONE,              false",
            "2019-03-01, CARRYING_BRANCHES, false",
            "2019-06-14, CARRYING_BRANCHES, false",
            "2019-06-15, ALL_BRANCHES,      true",
            "2024-06-14, ALL_BRANCHES,      true",
            "2024-06-15, CARRYING_BRANCHES, false",
    })
    void theHolderKeepsTheScopeInForceOnTheAwardDate(String awarded, Scope scope, boolean recognized) {
        CertificationFacts c = cqp().with(rncp()).build();
        assertThat(evaluate(c, "1580", "2026-01-01").scope()).isEqualTo(Scope.CARRYING_BRANCHES);
        RecognitionAnswer answer = evaluate(c, "1580", "2026-01-01", awarded);
        assertWellFormed(answer);
        assertThat(answer.asOf()).isEqualTo(date(awarded));
        assertThat(answer.scope()).isEqualTo(scope);
        assertThat(answer.recognized()).isEqualTo(recognized);
        assertThat(answer.reasonCodes().get(0)).isEqualTo(SCOPE_AS_AWARDED);
        assertThat(answer.reasons().get(0).message()).contains(date(awarded).getYear() + "");
    }

    @Test
    void anAwardAfterTheDateIsRefused() {
        CertificationFacts c = cqp().with(rncp()).build();
        assertThatThrownBy(() -> evaluate(c, "0018", "2020-01-01", "2020-01-02"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(evaluate(c, "0018", "2020-01-01", "2020-01-01").scope()).isEqualTo(Scope.ALL_BRANCHES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ABCD", "12345", "00-18"})
    void anInvalidIdccIsRefused(String idcc) {
        CertificationFacts c = cqp().build();
        assertThatThrownBy(() -> evaluate(c, idcc, "2020-01-01")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theArgumentsAreRequired() {
        CertificationFacts c = cqp().build();
        assertThatThrownBy(() -> CrossBranchRecognition.evaluate(null, "0018", date("2020-01-01"), Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CrossBranchRecognition.evaluate(c, null, date("2020-01-01"), Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CrossBranchRecognition.evaluate(c, "0018", null, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CrossBranchRecognition.evaluate(c, "0018", date("2020-01-01"), null))
                .isInstanceOf(NullPointerException.class);
    }
}
