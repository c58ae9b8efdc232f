package org.cqpsuite.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.cqpsuite.registration.domain.Fixtures.NONE_TAKEN;
import static org.cqpsuite.registration.domain.Fixtures.TODAY;
import static org.cqpsuite.registration.domain.Fixtures.date;
import static org.cqpsuite.registration.domain.Fixtures.registered;
import static org.cqpsuite.registration.domain.Fixtures.renewal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RenewalAndWithdrawalRulesTest {

    static void assertValidOr(List<Violation> violations, String field, String rule) {
        if (rule == null) {
            assertThat(violations).isEmpty();
        } else {
            assertThat(violations).extracting(Violation::field, Violation::rule).containsExactly(tuple(field, rule));
        }
    }

    @Nested
    class Renewals {

        static List<Violation> validate(Decision decision) {
            return RegistrationRules.validateRenewal(registered(), decision, TODAY, NONE_TAKEN);
        }

        @Test
        void aValidRenewal() {
            assertThat(validate(renewal().build())).isEmpty();
            Registration expired = Fixtures.inStatus(RegistrationStatus.EXPIRED);
            assertThat(RegistrationRules.validateRenewal(expired, renewal().build(), TODAY, NONE_TAKEN)).isEmpty();
        }

        @Test
        void theArgumentsAreRequired() {
            Decision decision = renewal().build();
            assertThatThrownBy(() -> RegistrationRules.validateRenewal(null, decision, TODAY, NONE_TAKEN))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> RegistrationRules.validateRenewal(registered(), decision, null, NONE_TAKEN))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> RegistrationRules.validateRenewal(registered(), decision, TODAY, null))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void aMissingBodyIsOneViolation() {
            assertValidOr(validate(null), "body", "required");
        }

        @Test
        void aRefusedRenewalIsNotAllowed() {
            List<Violation> violations = validate(Decision.refused(date("2024-05-15")));
            assertValidOr(violations, "outcome", "not-allowed");
            assertThat(violations.get(0).message()).contains("REGISTERED", "end date");
            assertValidOr(validate(renewal().outcome(Outcome.REFUSED).build()), "outcome", "not-allowed");
        }

        @Test
        void aRenewalWithoutOutcomeIsCheckedAsARegistration() {
            assertThat(validate(new Fixtures.Builder().build())).extracting(Violation::field, Violation::rule)
                    .containsExactly(
                            tuple("outcome", "required"),
                            tuple("code", "required"),
                            tuple("registrationType", "required"),
                            tuple("decidedOn", "required"),
                            tuple("effectiveFrom", "required"),
                            tuple("endsOn", "required"));
        }

        @Test
        void theSuccessorFollowsTheRulesOfARegistration() {
            assertThat(validate(renewal().code("RNCP99").type(null).endsOn("2034-06-14").level(null)
                    .awardDeadline("2020-01-01").build())).extracting(Violation::field, Violation::rule)
                    .containsExactly(
                            tuple("code", "pattern"),
                            tuple("registrationType", "required"),
                            tuple("level", "required"),
                            tuple("awardDeadline", "before-effective-date"));
            assertValidOr(validate(renewal().endsOn("2029-06-16").build()), "endsOn", "max-duration");
            assertValidOr(validate(renewal().decidedOn("2024-06-16").build()), "decidedOn", "future-date");
            assertValidOr(validate(renewal().blocks(new Block("RNCP99001BC01", "T")).build()), "blocks[0].code",
                    "block-code-prefix");
        }

        @Test
        void theSuccessorStaysInThePredecessorsDirectory() {
            Registration rsRegistration = RegistrationLifecycle.decide(Fixtures.requested(Directory.RS, "2019-03-10"),
                    Fixtures.rs().build());
            assertThat(RegistrationRules.validateRenewal(rsRegistration, renewal().build(), TODAY, NONE_TAKEN))
                    .extracting(Violation::field, Violation::rule).containsExactly(
                            tuple("code", "pattern"),
                            tuple("level", "not-allowed"),
                            tuple("blocks", "not-allowed"));
            assertThat(RegistrationRules.validateRenewal(rsRegistration, Fixtures.rs().code("RS5569")
                    .decidedOn("2024-05-15").effectiveFrom("2024-06-15").endsOn("2029-06-14").build(), TODAY,
                    NONE_TAKEN)).isEmpty();
        }

        @ParameterizedTest(name = "successor decided on {0} (predecessor decided 2019-06-01): {1}")
        @CsvSource(nullValues = "null", value = {
                "2019-05-31, before-predecessor",
                "2019-06-01, null",
                "2019-06-02, null",
                "2024-05-15, null"})
        void isNotDecidedBeforeThePredecessor(String decidedOn, String rule) {
            List<Violation> violations = validate(renewal().decidedOn(decidedOn).build());
            assertValidOr(violations, "decidedOn", rule);
            if (rule != null) {
                assertThat(violations.get(0).message()).contains("2019-06-01", "RNCP99001");
            }
        }

        @ParameterizedTest(name = "successor effective from {0} (predecessor from 2019-06-15): {1}")
        @CsvSource(nullValues = "null", value = {
                "2019-06-14, before-predecessor",
                "2019-06-15, before-predecessor",
                "2019-06-16, null",
                "2024-06-15, null",
                "2026-01-01, null"})
        void takesEffectAfterThePredecessor(String effectiveFrom, String rule) {
            String endsOn = date(effectiveFrom).plusYears(5).minusDays(1).toString();
            List<Violation> violations = validate(renewal().decidedOn("2019-06-01").effectiveFrom(effectiveFrom)
                    .endsOn(endsOn).build());
            assertValidOr(violations, "effectiveFrom", rule);
        }

        @Test
        void anOverlapOrAGapWithThePredecessorIsAllowed() {
            assertThat(validate(renewal().effectiveFrom("2024-01-01").endsOn("2028-12-31").build())).isEmpty();
            assertThat(validate(renewal().effectiveFrom("2025-01-01").endsOn("2029-12-31").build())).isEmpty();
        }

        @Test
        void theSuccessorMayKeepThePredecessorsCodeButNotTakeAnothers() {
            Predicate<String> taken = Set.of("RNCP99001", "RNCP99003")::contains;
            Decision sameCode = renewal().code("RNCP99001").blocks(new Block("RNCP99001BC01", "T")).build();
            assertThat(RegistrationRules.validateRenewal(registered(), sameCode, TODAY, taken)).isEmpty();
            Decision another = renewal().code("RNCP99003").blocks().build();
            assertValidOr(RegistrationRules.validateRenewal(registered(), another, TODAY, taken), "code",
                    "duplicate-code");
            assertThat(RegistrationRules.validateRenewal(registered(), renewal().build(), TODAY, taken)).isEmpty();
        }

        @Test
        void aDecisionOnARequestHasNoSuchExemption() {
            Predicate<String> taken = Set.of("RNCP99001")::contains;
            assertValidOr(RegistrationRules.validateDecision(Fixtures.requested(), Fixtures.rncp().build(), TODAY,
                    taken), "code", "duplicate-code");
        }
    }

    @Nested
    class Withdrawals {

        /** Registered from 2019-06-15 to 2024-06-14. */
        static List<Violation> validate(Withdrawal withdrawal) {
            return RegistrationRules.validateWithdrawal(registered(), withdrawal);
        }

        @Test
        void aValidWithdrawal() {
            assertThat(validate(new Withdrawal(date("2021-01-01"), "Retrait à la demande de la CPNE"))).isEmpty();
        }

        @Test
        void aMissingBodyIsOneViolation() {
            assertValidOr(validate(null), "body", "required");
            assertThatThrownBy(() -> RegistrationRules.validateWithdrawal(null, new Withdrawal(date("2021-01-01"),
                    "r"))).isInstanceOf(NullPointerException.class);
        }

        @Test
        void everyViolationIsReportedAtOnce() {
            assertThat(validate(new Withdrawal(null, null))).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("effectiveOn", "required"), tuple("reason", "required"));
        }

        @ParameterizedTest(name = "withdrawn from {0} (registered 2019-06-15 to 2024-06-14): {1}")
        @CsvSource(nullValues = "null", value = {
                "2019-06-14, before-effective-date",
                "2019-06-15, null",
                "2019-06-16, null",
                "2024-06-13, null",
                "2024-06-14, null",
                "2024-06-15, after-end-date",
                "null, required"})
        void takesEffectWhileTheRegistrationRuns(LocalDate effectiveOn, String rule) {
            assertValidOr(validate(new Withdrawal(effectiveOn, "Retrait")), "effectiveOn", rule);
        }

        @Test
        void mayTakeEffectInTheFuture() {
            Registration longOne = Fixtures.registered("2024-01-01", "2028-12-31");
            assertThat(RegistrationRules.validateWithdrawal(longOne, new Withdrawal(TODAY.plusMonths(3), "Retrait")))
                    .isEmpty();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n"})
        void needsAReason(String reason) {
            assertValidOr(validate(new Withdrawal(date("2021-01-01"), reason)), "reason", "required");
        }

        @Test
        void theReasonHasAtMost500CharactersStripped() {
            assertThat(validate(new Withdrawal(date("2021-01-01"), "r".repeat(500)))).isEmpty();
            assertThat(validate(new Withdrawal(date("2021-01-01"), " " + "é".repeat(500) + " "))).isEmpty();
            List<Violation> violations = validate(new Withdrawal(date("2021-01-01"), "r".repeat(501)));
            assertValidOr(violations, "reason", "max-length");
            assertThat(violations.get(0).message()).isEqualTo("must be at most 500 characters (found 501)");
        }

        @Test
        void normalisingStripsTheReason() {
            assertThat(RegistrationRules.normalise(new Withdrawal(date("2021-01-01"), "  Retrait \n")))
                    .isEqualTo(new Withdrawal(date("2021-01-01"), "Retrait"));
            assertThat(RegistrationRules.normalise((Withdrawal) null)).isNull();
        }
    }
}
