package org.cqpsuite.eligibility.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cqpsuite.eligibility.rules.Fixtures.cqp;
import static org.cqpsuite.eligibility.rules.Fixtures.date;
import static org.cqpsuite.eligibility.rules.Fixtures.rncp;
import static org.cqpsuite.eligibility.rules.Fixtures.rs;
import static org.cqpsuite.eligibility.rules.Reason.*;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cqpsuite.eligibility.rules.CertificationFacts.Kind;
import org.cqpsuite.eligibility.rules.RegistrationFacts.Status;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CpfEligibilityTest {

    static CpfAnswer evaluate(CertificationFacts c, String on) {
        return CpfEligibility.evaluate(c, date(on), Optional.empty());
    }

    static CpfAnswer evaluate(CertificationFacts c, String on, String block) {
        return CpfEligibility.evaluate(c, date(on), Optional.of(block));
    }

    static void assertWellFormed(CpfAnswer answer) {
        Set<String> references = Set.of(L6113_4, L6113_5, L6113_6, L6323_6, LEVELS);
        assertThat(answer.reasons()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.code()).matches("[A-Z_]+");
            assertThat(r.message()).isNotBlank();
            assertThat(r.legalReference()).isIn(references);
        });
        assertThat(answer.reasonCodes().get(answer.reasons().size() - 1))
                .isEqualTo(answer.eligible() ? CPF_ELIGIBLE : CPF_NOT_ELIGIBLE);
        if (answer.eligible()) {
            assertThat(answer.basis()).isNotNull();
            assertThat(answer.basis().inForceOn(answer.asOf())).isTrue();
        } else {
            assertThat(answer.basis()).isNull();
            assertThat(answer.level()).isNull();
        }
    }

    @Nested
    class Transmission {

        @ParameterizedTest(name = "CQP transmitted {0}, asked {1} → eligible {2}")
        @CsvSource({
                "2019-06-16, 2019-06-15, false",
                "2019-06-15, 2019-06-15, true",
                "2019-06-14, 2019-06-15, true",
                "2019-03-01, 2020-01-01, true",
                "2020-01-02, 2020-01-01, false",
        })
        void aCqpMustBeTransmittedOnOrBeforeTheDate(String transmitted, String on, boolean eligible) {
            for (Kind kind : List.of(Kind.CQP, Kind.CQPI)) {
                CpfAnswer answer = evaluate(new Fixtures.Cert(kind).transmitted(transmitted).with(rncp()).build(), on);
                assertWellFormed(answer);
                assertThat(answer.eligible()).isEqualTo(eligible);
                assertThat(answer.reasonCodes().get(0)).isEqualTo(eligible ? TRANSMITTED : NOT_TRANSMITTED);
                assertThat(answer.reasons().get(0).legalReference()).isEqualTo(L6113_4);
                if (!eligible) {
                    assertThat(answer.reasonCodes()).containsExactly(NOT_TRANSMITTED, CPF_NOT_ELIGIBLE);
                }
            }
        }

        @Test
        void neverTransmittedIsNeverEligible() {
            CpfAnswer answer = evaluate(cqp().transmitted().with(rncp()).build(), "2020-01-01");
            assertWellFormed(answer);
            assertThat(answer.eligible()).isFalse();
            assertThat(answer.reasonCodes()).containsExactly(NOT_TRANSMITTED, CPF_NOT_ELIGIBLE);
            assertThat(answer.reasons().get(0).message()).contains("pas été transmis");
        }

        @ParameterizedTest(name = "transmissions 2019-03-01 then {0}, asked {1} → {2}")
        @CsvSource({
                "2020-02-01, 2020-01-31, false",
                "2020-02-01, 2020-02-01, true",
        })
        void theLastRecordedTransmissionCounts(String last, String on, boolean eligible) {
            CertificationFacts c = cqp().transmitted("2019-03-01", last).with(rncp()).build();
            assertThat(c.transmittedOn()).isEqualTo(date(last));
            assertThat(evaluate(c, on).eligible()).isEqualTo(eligible);
        }

        @Test
        void anOtherCertificationNeedsNoTransmission() {
            CpfAnswer answer = evaluate(new Fixtures.Cert(Kind.OTHER).with(rncp()).build(), "2020-01-01");
            assertWellFormed(answer);
            assertThat(answer.eligible()).isTrue();
            assertThat(answer.reasonCodes()).containsExactly(TRANSMISSION_NOT_REQUIRED, REGISTERED_RNCP_IN_FORCE,
                    LEVEL_ATTRIBUTED, CPF_ELIGIBLE);
        }

        @Test
        void transmittedButNotRegisteredIsNotEligible() {
            CpfAnswer answer = evaluate(cqp().build(), "2020-01-01");
            assertWellFormed(answer);
            assertThat(answer.eligible()).isFalse();
            assertThat(answer.reasonCodes()).containsExactly(TRANSMITTED, NOT_REGISTERED, CPF_NOT_ELIGIBLE);
            assertThat(answer.successor()).isNull();
        }
    }

    @Nested
    class RegistrationDates {

        @ParameterizedTest(name = "{0}: on {1} → {2}")
        @CsvSource({
                "REGISTERED, 2019-06-14, REGISTRATION_NOT_YET_EFFECTIVE",
                "REGISTERED, 2019-06-15, REGISTERED_RNCP_IN_FORCE",
                "REGISTERED, 2024-06-14, REGISTERED_RNCP_IN_FORCE",
                "REGISTERED, 2024-06-15, REGISTRATION_ENDED",
                "EXPIRED,    2019-06-14, REGISTRATION_NOT_YET_EFFECTIVE",
                "EXPIRED,    2020-01-01, REGISTERED_RNCP_IN_FORCE",
                "EXPIRED,    2024-06-14, REGISTERED_RNCP_IN_FORCE",
                "EXPIRED,    2024-06-15, REGISTRATION_ENDED",
                "REPLACED,   2020-01-01, REGISTERED_RNCP_IN_FORCE",
                "REPLACED,   2024-06-15, REGISTRATION_ENDED",
                "REQUESTED,  2020-01-01, NOT_REGISTERED",
                "REFUSED,    2020-01-01, NOT_REGISTERED",
        })
        void everyStatusIsJudgedByItsDates(Status status, String on, String code) {
            Fixtures.Reg reg = rncp().status(status);
            if (status == Status.REQUESTED || status == Status.REFUSED) {
                reg.from(null).ends(null).level(null).blocks();
            }
            CpfAnswer answer = evaluate(cqp().with(reg).build(), on);
            assertWellFormed(answer);
            assertThat(answer.eligible()).isEqualTo(code.equals(REGISTERED_RNCP_IN_FORCE));
            assertThat(answer.reasonCodes()).contains(code);
        }

        @ParameterizedTest
        @EnumSource(value = Status.class, names = {"REQUESTED", "REFUSED"})
        void requestedOrRefusedIsNeverInForceEvenWithDates(Status status) {
            CpfAnswer answer = evaluate(cqp().with(rncp().status(status)).build(), "2020-01-01");
            assertThat(answer.eligible()).isFalse();
            assertThat(answer.reasonCodes()).containsExactly(TRANSMITTED, NOT_REGISTERED, CPF_NOT_ELIGIBLE);
        }

        @ParameterizedTest(name = "withdrawn from {0}, asked {1} → eligible {2}")
        @CsvSource({
                "2021-03-01, 2021-02-28, true",
                "2021-03-01, 2021-03-01, false",
                "2021-03-01, 2021-03-02, false",
        })
        void aWithdrawalEndsEligibilityOnItsDay(String withdrawn, String on, boolean eligible) {
            CpfAnswer answer = evaluate(cqp().with(rncp().withdrawn(withdrawn)).build(), on);
            assertWellFormed(answer);
            assertThat(answer.eligible()).isEqualTo(eligible);
            if (!eligible) {
                assertThat(answer.reasonCodes()).containsExactly(TRANSMITTED, REGISTRATION_WITHDRAWN,
                        CPF_NOT_ELIGIBLE);
                assertThat(answer.reasons().get(1).legalReference()).isEqualTo(L6113_5);
            }
        }

        @Test
        void theAnswerGivesTheRegistrationUsedAndItsValidity() {
            RegistrationFacts reg = rncp().build();
            CpfAnswer answer = evaluate(cqp().with(reg).build(), "2022-05-05");
            assertWellFormed(answer);
            assertThat(answer.asOf()).isEqualTo(date("2022-05-05"));
            assertThat(answer.basis()).isEqualTo(reg);
            assertThat(answer.basis().effectiveFrom()).isEqualTo(date("2019-06-15"));
            assertThat(answer.basis().endsOn()).isEqualTo(date("2024-06-14"));
            assertThat(answer.block()).isNull();
            assertThat(answer.successor()).isNull();
            assertThat(answer.reasons().get(1).message()).contains("RNCP34486", "15/06/2019", "14/06/2024");
            assertThat(answer.reasons().get(1).legalReference()).isEqualTo(L6113_5);
            assertThat(answer.reasons().get(3).legalReference()).isEqualTo(L6323_6);
        }

        @Test
        void withoutEndDateItStaysInForce() {
            CpfAnswer answer = evaluate(cqp().with(rncp().ends(null)).build(), "2040-01-01");
            assertThat(answer.eligible()).isTrue();
            assertThat(answer.reasons().get(1).message()).contains("sans date de fin");
        }
    }

    @Nested
    class Renewal {

        final RegistrationFacts successor = rncp().code("RNCP38000").from("2024-06-15").ends("2029-06-14")
                .decided("2024-05-01").level(5).blocks("RNCP38000BC01").build();
        final RegistrationFacts old = rncp().replacedBy(successor).build();

        @ParameterizedTest(name = "on {0}: basis {1}, successor given {2}")
        @CsvSource({
                "2024-06-14, RNCP34486, true",
                "2024-06-15, RNCP38000, false",
                "2029-06-14, RNCP38000, false",
        })
        void theSuccessorTakesOverTheDayAfterTheEnd(String on, String basisCode, boolean successorGiven) {
            CpfAnswer answer = evaluate(cqp().with(old, successor).build(), on);
            assertWellFormed(answer);
            assertThat(answer.eligible()).isTrue();
            assertThat(answer.basis().code()).isEqualTo(basisCode);
            if (successorGiven) {
                assertThat(answer.successor()).isEqualTo(new SuccessorRef(successor.id(), "RNCP38000"));
                assertThat(answer.reasonCodes()).contains(REPLACED_BY_SUCCESSOR);
            } else {
                assertThat(answer.successor()).isNull();
                assertThat(answer.level()).isEqualTo(5);
            }
        }

        @Test
        void afterTheWholeChainEndedNothingIsEligibleAndTheLastOneHasNoSuccessor() {
            CpfAnswer answer = evaluate(cqp().with(old, successor).build(), "2029-06-15");
            assertWellFormed(answer);
            assertThat(answer.eligible()).isFalse();
            assertThat(answer.successor()).isNull();
            assertThat(answer.reasonCodes()).containsExactly(TRANSMITTED, REGISTRATION_ENDED, REGISTRATION_ENDED,
                    CPF_NOT_ELIGIBLE);
        }

        @Test
        void aGapBetweenOldAndSuccessorIsNotEligibleButNamesTheSuccessor() {
            RegistrationFacts late = rncp().code("RNCP38000").from("2024-07-01").ends("2029-06-30")
                    .decided("2024-06-20").build();
            RegistrationFacts ended = rncp().replacedBy(late).build();
            CpfAnswer answer = evaluate(cqp().with(ended, late).build(), "2024-06-20");
            assertWellFormed(answer);
            assertThat(answer.eligible()).isFalse();
            assertThat(answer.successor()).isEqualTo(new SuccessorRef(late.id(), "RNCP38000"));
            assertThat(answer.reasonCodes()).containsExactly(TRANSMITTED, REGISTRATION_ENDED,
                    REGISTRATION_NOT_YET_EFFECTIVE, REPLACED_BY_SUCCESSOR, CPF_NOT_ELIGIBLE);
            assertThat(answer.reasons().get(2).message()).contains("01/07/2024");
            assertThat(evaluate(cqp().with(ended, late).build(), "2024-07-01").basis()).isEqualTo(late);
        }

        @Test
        void overlappingRegistrationsUseTheLatestStarted() {
            RegistrationFacts early = rncp().code("RNCP38000").from("2024-01-01").ends("2028-12-31")
                    .decided("2023-12-01").build();
            RegistrationFacts replaced = rncp().replacedBy(early).build();
            CpfAnswer answer = evaluate(cqp().with(replaced, early).build(), "2024-03-01");
            assertThat(answer.eligible()).isTrue();
            assertThat(answer.basis()).isEqualTo(early);
            assertThat(answer.successor()).isNull();
        }

        @Test
        void aSuccessorKnownOnlyByItsCodeIsGiven() {
            RegistrationFacts ended = new RegistrationFacts(null, RegistrationFacts.Directory.RNCP, "RNCP11111",
                    Status.EXPIRED, date("2015-01-01"), date("2019-12-31"), date("2014-12-01"), null, null, null,
                    null, "RNCP22222");
            CpfAnswer answer = evaluate(cqp().transmitted("2014-11-01").with(ended).build(), "2020-01-01");
            assertThat(answer.eligible()).isFalse();
            assertThat(answer.successor()).isEqualTo(new SuccessorRef(null, "RNCP22222"));
            assertThat(answer.reasons()).filteredOn(r -> r.code().equals(REPLACED_BY_SUCCESSOR)).singleElement()
                    .satisfies(r -> assertThat(r.message()).contains("RNCP22222"));
        }
    }

    @Nested
    class DirectoriesAndLevels {

        @Test
        void rncpIsPreferredOverRsWhenBothAreInForce() {
            RegistrationFacts rs = rs().build();
            RegistrationFacts rncp = rncp().build();
            for (CertificationFacts c : List.of(cqp().with(rs, rncp).build(), cqp().with(rncp, rs).build())) {
                CpfAnswer answer = evaluate(c, "2020-01-01");
                assertThat(answer.basis()).isEqualTo(rncp);
                assertThat(answer.level()).isEqualTo(4);
            }
        }

        @Test
        void rsAloneIsEligibleWithoutLevel() {
            CpfAnswer answer = evaluate(cqp().with(rs().level(3)).build(), "2020-01-01");
            assertWellFormed(answer);
            assertThat(answer.eligible()).isTrue();
            assertThat(answer.level()).isNull();
            assertThat(answer.reasonCodes()).containsExactly(TRANSMITTED, REGISTERED_RS_IN_FORCE, NO_LEVEL_IN_RS,
                    CPF_ELIGIBLE);
            assertThat(answer.reasons().get(1).legalReference()).isEqualTo(L6113_6);
        }

        @Test
        void rsUsedWhenTheRncpRegistrationEnded() {
            CpfAnswer answer = evaluate(cqp().with(rncp().ends("2019-12-31"), rs().ends("2025-01-01")).build(),
                    "2020-01-01");
            assertThat(answer.eligible()).isTrue();
            assertThat(answer.basis().code()).isEqualTo("RS5568");
        }

        @ParameterizedTest(name = "RNCP decided {0} with level {1} → level {2}")
        @CsvSource(nullValues = "-", value = {
                "2018-12-31, 4, -, LEVEL_NOT_ATTRIBUTED",
                "2017-05-01, -, -, LEVEL_NOT_ATTRIBUTED",
                "2019-01-01, 4, 4, LEVEL_ATTRIBUTED",
                "2019-01-02, 6, 6, LEVEL_ATTRIBUTED",
                "2019-06-01, -, -, LEVEL_NOT_ATTRIBUTED",
        })
        void theLevelIsAttributedByDecisionsFrom2019(String decided, Integer level, Integer expected, String code) {
            CpfAnswer answer = evaluate(cqp().transmitted("2017-01-01").with(rncp().decided(decided).level(level))
                    .build(), "2020-01-01");
            assertWellFormed(answer);
            assertThat(answer.eligible()).isTrue();
            assertThat(answer.level()).isEqualTo(expected);
            assertThat(answer.reasonCodes()).containsExactly(TRANSMITTED, REGISTERED_RNCP_IN_FORCE, code,
                    CPF_ELIGIBLE);
            assertThat(answer.reasons().get(2).legalReference()).isEqualTo(LEVELS);
        }
    }

    @Nested
    class Blocks {

        @ParameterizedTest(name = "block {0} on {1} → {2}")
        @CsvSource({
                "RNCP34486BC01,   2020-01-01, true",
                "' rncp34486bc02', 2020-01-01, true",
                "RNCP34486BC03,   2020-01-01, false",
                "RNCP34486BC01,   2019-06-14, false",
                "RNCP34486BC01,   2024-06-15, false",
        })
        void aBlockIsEligibleWhenTheRncpRegistrationInForceListsIt(String block, String on, boolean eligible) {
            CpfAnswer answer = evaluate(cqp().with(rncp()).build(), on, block);
            assertWellFormed(answer);
            assertThat(answer.eligible()).isEqualTo(eligible);
            assertThat(answer.block()).isEqualTo(block.strip().toUpperCase());
        }

        @Test
        void aListedBlockGivesItsReasons() {
            CpfAnswer answer = evaluate(cqp().with(rncp()).build(), "2020-01-01", "RNCP34486BC01");
            assertThat(answer.reasonCodes()).containsExactly(TRANSMITTED, REGISTERED_RNCP_IN_FORCE, BLOCK_LISTED,
                    LEVEL_ATTRIBUTED, CPF_ELIGIBLE);
            assertThat(answer.level()).isEqualTo(4);
        }

        @Test
        void anUnlistedBlockIsNotEligibleEvenIfTheCertificationIs() {
            CertificationFacts c = cqp().with(rncp()).build();
            assertThat(evaluate(c, "2020-01-01").eligible()).isTrue();
            CpfAnswer answer = evaluate(c, "2020-01-01", "RNCP34486BC09");
            assertThat(answer.reasonCodes()).containsExactly(TRANSMITTED, REGISTERED_RNCP_IN_FORCE, BLOCK_NOT_LISTED,
                    CPF_NOT_ELIGIBLE);
        }

        @Test
        void anRsRegistrationNeverMakesABlockEligible() {
            CpfAnswer answer = evaluate(cqp().with(rs().blocks("RS5568BC01")).build(), "2020-01-01", "RS5568BC01");
            assertWellFormed(answer);
            assertThat(answer.eligible()).isFalse();
            assertThat(answer.reasonCodes()).containsExactly(TRANSMITTED, REGISTERED_RS_IN_FORCE, BLOCK_REQUIRES_RNCP,
                    CPF_NOT_ELIGIBLE);
        }

        @Test
        void theBlockOfTheSuccessorIsUsedAfterRenewal() {
            RegistrationFacts successor = rncp().code("RNCP38000").from("2024-06-15").ends("2029-06-14")
                    .blocks("RNCP38000BC01").build();
            CertificationFacts c = cqp().with(rncp().replacedBy(successor).build(), successor).build();
            assertThat(evaluate(c, "2024-06-14", "RNCP34486BC01").eligible()).isTrue();
            assertThat(evaluate(c, "2024-06-15", "RNCP34486BC01").eligible()).isFalse();
            assertThat(evaluate(c, "2024-06-15", "RNCP38000BC01").eligible()).isTrue();
            assertThat(evaluate(c, "2024-06-14", "RNCP38000BC01").reasonCodes()).contains(BLOCK_NOT_LISTED);
        }

        @Test
        void aBlockWithNothingInForceGivesTheRegistrationReasons() {
            CpfAnswer answer = evaluate(cqp().with(rncp()).build(), "2025-01-01", "RNCP34486BC01");
            assertThat(answer.reasonCodes()).containsExactly(TRANSMITTED, REGISTRATION_ENDED, CPF_NOT_ELIGIBLE);
        }

        @Test
        void aBlankBlockMeansTheWholeCertification() {
            CpfAnswer answer = evaluate(cqp().with(rncp()).build(), "2020-01-01", "  ");
            assertThat(answer.block()).isNull();
            assertThat(answer.eligible()).isTrue();
        }
    }

    @Test
    void theArgumentsAreRequired() {
        CertificationFacts c = cqp().build();
        assertThatThrownBy(() -> CpfEligibility.evaluate(null, date("2020-01-01"), Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CpfEligibility.evaluate(c, null, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CpfEligibility.evaluate(c, date("2020-01-01"), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Nested
    class RegisteredByAnOfficialOrder {

        static final String ORDER = "Arrêté du 20 janvier 2014 (NOR ETSD1401196A)";

        CertificationFacts byOrder() {
            RegistrationFacts r = new RegistrationFacts(java.util.UUID.randomUUID(), RegistrationFacts.Directory.RNCP,
                    null, RegistrationFacts.Status.EXPIRED, date("2014-01-20"), date("2019-01-19"),
                    date("2014-01-20"), null, java.util.List.of(), null, null, null, ORDER);
            return new CertificationFacts(Fixtures.CERTIFICATION_ID, CertificationFacts.Kind.CQPI, "Opérateur qualité",
                    java.util.List.of("0018", "0247"), java.util.List.of(date("2014-01-20")), java.util.List.of(r));
        }

        @Test
        void itIsEligibleWhileInForceAndItsReasonsNameTheOrder() {
            CpfAnswer answer = evaluate(byOrder(), "2016-05-01");
            assertThat(answer.eligible()).isTrue();
            Reason inForce = answer.reasons().get(1);
            assertThat(inForce.code()).isEqualTo(REGISTERED_RNCP_IN_FORCE);
            assertThat(inForce.message()).isEqualTo("Enregistrement « " + ORDER
                    + " » au RNCP en vigueur du 20/01/2014 au 19/01/2019.");
            assertThat(inForce.legalReference()).isEqualTo(L6113_5 + " ; " + ORDER);
            assertThat(answer.level()).isNull();
            assertThat(answer.reasonCodes()).contains(LEVEL_NOT_ATTRIBUTED);
        }

        @Test
        void itEndsOnTheLastDayTheOrderGives() {
            assertThat(evaluate(byOrder(), "2019-01-19").eligible()).isTrue();
            CpfAnswer after = evaluate(byOrder(), "2019-01-20");
            assertThat(after.eligible()).isFalse();
            assertThat(after.reasons()).anySatisfy(r -> assertThat(r.message())
                    .isEqualTo("L'enregistrement « " + ORDER + " » (RNCP) a pris fin le 19/01/2019."));
        }
    }
}
