package org.cqpsuite.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.cqpsuite.registration.domain.Fixtures.NONE_TAKEN;
import static org.cqpsuite.registration.domain.Fixtures.TODAY;
import static org.cqpsuite.registration.domain.Fixtures.date;
import static org.cqpsuite.registration.domain.Fixtures.requested;
import static org.cqpsuite.registration.domain.Fixtures.rncp;
import static org.cqpsuite.registration.domain.Fixtures.rs;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionRulesTest {

    static List<Violation> validate(Decision decision) {
        return RegistrationRules.validateDecision(requested(), decision, TODAY, NONE_TAKEN);
    }

    static List<Violation> validateRs(Decision decision) {
        return RegistrationRules.validateDecision(requested(Directory.RS, "2019-03-10"), decision, TODAY, NONE_TAKEN);
    }

    static void assertOnly(List<Violation> violations, String field, String rule) {
        assertThat(violations).extracting(Violation::field, Violation::rule).containsExactly(tuple(field, rule));
    }

    static void assertValidOr(List<Violation> violations, String field, String rule) {
        if (rule == null) {
            assertThat(violations).isEmpty();
        } else {
            assertOnly(violations, field, rule);
        }
    }

    @Test
    void theContractExamplesAreValid() {
        assertThat(validate(rncp().build())).isEmpty();
        assertThat(validate(Decision.refused(date("2019-06-01")))).isEmpty();
        assertThat(validateRs(rs().build())).isEmpty();
    }

    @Test
    void aMissingBodyIsOneViolation() {
        assertOnly(validate(null), "body", "required");
    }

    @Test
    void theArgumentsAreRequired() {
        Decision decision = rncp().build();
        assertThatThrownBy(() -> RegistrationRules.validateDecision(null, decision, TODAY, NONE_TAKEN))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RegistrationRules.validateDecision(requested(), decision, null, NONE_TAKEN))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RegistrationRules.validateDecision(requested(), decision, TODAY, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void withoutAnOutcomeOnlyTheDecisionDateIsCheckedBesides() {
        assertThat(validate(new Fixtures.Builder().decidedOn("2019-03-09").build()))
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("outcome", "required"), tuple("decidedOn", "before-request"));
        assertThat(validate(new Fixtures.Builder().build())).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("outcome", "required"), tuple("decidedOn", "required"));
        assertOnly(validate(rncp().outcome(null).build()), "outcome", "required");
    }

    @Test
    void anEmptyRegistrationReportsEveryRequiredFieldInBodyOrder() {
        assertThat(validate(new Fixtures.Builder().outcome(Outcome.REGISTERED).build()))
                .extracting(Violation::field, Violation::rule).containsExactly(
                        tuple("code", "required"),
                        tuple("registrationType", "required"),
                        tuple("decidedOn", "required"),
                        tuple("effectiveFrom", "required"),
                        tuple("endsOn", "required"));
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        Decision broken = rncp().code("RNCP99").type(null).decidedOn("2019-03-09").effectiveFrom("2019-06-15")
                .endsOn("2019-06-15").level(9).awardDeadline("2019-06-14")
                .blocks(new Block("RNCP99001BC01", " "), null).build();
        assertThat(validate(broken)).extracting(Violation::field, Violation::rule).containsExactly(
                tuple("code", "pattern"),
                tuple("registrationType", "required"),
                tuple("decidedOn", "before-request"),
                tuple("endsOn", "date-order"),
                tuple("level", "range"),
                tuple("awardDeadline", "before-effective-date"),
                tuple("blocks[0].title", "required"),
                tuple("blocks[1]", "required"));
    }

    @Nested
    class Code {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t"})
        void isRequired(String code) {
            assertOnly(validate(rncp().code(code).blocks().build()), "code", "required");
        }

        @ParameterizedTest(name = "RNCP {0}: {1}")
        @CsvSource(nullValues = "null", value = {
                "RNCP99, pattern",
                "RNCP999, null",
                "RNCP9999, null",
                "RNCP99999, null",
                "RNCP999999, pattern",
                "RNCP, pattern",
                "rncp99001, pattern",
                "' RNCP99001', pattern",
                "RS5568, pattern",
                "RNCP99001BC01, pattern"})
        void hasTheRncpForm(String code, String rule) {
            assertValidOr(validate(rncp().code(code).blocks().build()), "code", rule);
        }

        @ParameterizedTest(name = "RS {0}: {1}")
        @CsvSource(nullValues = "null", value = {
                "RS5568, null",
                "RS1, null",
                "RS999999, null",
                "RS1234567, pattern",
                "RS, pattern",
                "rs5568, pattern",
                "RNCP99001, pattern"})
        void hasTheRsForm(String code, String rule) {
            assertValidOr(validateRs(rs().code(code).build()), "code", rule);
        }

        @Test
        void thePatternMessageNamesTheDirectoryAndAnExample() {
            assertThat(validateRs(rs().code("RNCP99001").build())).singleElement().extracting(Violation::message)
                    .asString().contains("RS", "RS5568", "\"RNCP99001\"");
        }

        @Test
        void isUniquePerDirectory() {
            Predicate<String> taken = Set.of("RNCP99001", "RS5568")::contains;
            List<Violation> violations = RegistrationRules.validateDecision(requested(), rncp().build(), TODAY, taken);
            assertOnly(violations, "code", "duplicate-code");
            assertThat(violations.get(0).message()).contains("RNCP99001", "RNCP");
            assertThat(RegistrationRules.validateDecision(requested(), rncp().code("RNCP99002")
                    .blocks(new Block("RNCP99002BC01", "T")).build(), TODAY, taken)).isEmpty();
            assertOnly(RegistrationRules.validateDecision(requested(Directory.RS, "2019-03-10"), rs().build(), TODAY,
                    taken), "code", "duplicate-code");
        }

        @Test
        void aMalformedCodeIsNotLookedUp() {
            Predicate<String> nothingExpected = code -> {
                throw new AssertionError("looked up " + code);
            };
            assertOnly(RegistrationRules.validateDecision(requested(), rncp().code("RNCP9").blocks().build(), TODAY,
                    nothingExpected), "code", "pattern");
        }
    }

    @Nested
    class Dates {

        @ParameterizedTest(name = "decided on {0} (requested 2019-03-10, today 2024-06-15): {1}")
        @CsvSource(nullValues = "null", value = {
                "2019-03-09, before-request",
                "2019-03-10, null",
                "2019-03-11, null",
                "2019-06-01, null",
                "2024-06-15, null",
                "2024-06-16, future-date"})
        void theDecisionIsBetweenTheRequestAndToday(String decidedOn, String rule) {
            // effective dates far enough not to collide with the decision date
            assertValidOr(validate(rncp().decidedOn(decidedOn).build()), "decidedOn", rule);
            assertValidOr(validate(Decision.refused(date(decidedOn))), "decidedOn", rule);
        }

        @Test
        void theDecisionDateIsRequired() {
            // without a decision date the level rule cannot tell old from new procedure: only its range is checked
            assertOnly(validate(rncp().decidedOn(null).build()), "decidedOn", "required");
            assertOnly(validate(Decision.refused(null)), "decidedOn", "required");
        }

        @Test
        void theEffectiveDateIsRequired() {
            assertOnly(validate(rncp().effectiveFrom(null).build()), "effectiveFrom", "required");
        }

        @Test
        void theEffectiveDateMayPrecedeTheDecisionOrBeInTheFuture() {
            assertThat(validate(rncp().effectiveFrom("2019-05-01").endsOn("2024-04-30").build())).isEmpty();
            assertThat(validate(rncp().decidedOn("2024-06-01").effectiveFrom("2024-09-01").endsOn("2029-08-31")
                    .build())).isEmpty();
        }

        @ParameterizedTest(name = "from 2019-06-15 to {0}: {1}")
        @CsvSource(nullValues = "null", value = {
                "2019-06-14, date-order",
                "2019-06-15, date-order",
                "2019-06-16, null",
                "2024-06-14, null",
                "2024-06-15, null",
                "2024-06-16, max-duration",
                "2029-06-14, max-duration",
                "null, required"})
        void aRegistrationOnRequestEndsAfterItStartsAndLastsAtMostFiveYears(String endsOn, String rule) {
            assertValidOr(validate(rncp().endsOn(endsOn).build()), "endsOn", rule);
            assertValidOr(validateRs(rs().endsOn(endsOn).build()), "endsOn", rule);
        }

        @ParameterizedTest(name = "by right from 2019-06-15 to {0}: {1}")
        @CsvSource(nullValues = "null", value = {
                "2019-06-15, date-order",
                "2019-06-16, null",
                "2024-06-16, null",
                "2049-06-14, null",
                "null, required"})
        void aRegistrationByRightHasNoFiveYearLimit(String endsOn, String rule) {
            assertValidOr(validate(rncp().type(RegistrationType.BY_RIGHT).endsOn(endsOn).build()), "endsOn", rule);
        }

        @Test
        void withoutATypeTheFiveYearsAreNotChecked() {
            assertOnly(validate(rncp().type(null).endsOn("2029-06-14").build()), "registrationType", "required");
        }

        @ParameterizedTest(name = "from {0}: at most {1}")
        @CsvSource({
                "2020-02-29, 2025-02-28",
                "2019-03-01, 2024-03-01",
                "2019-12-31, 2024-12-31"})
        void fiveYearsAreCountedInCalendarYears(String effectiveFrom, String lastEnd) {
            String dayAfter = date(lastEnd).plusDays(1).toString();
            assertThat(validate(rncp().decidedOn("2019-03-10").effectiveFrom(effectiveFrom).endsOn(lastEnd).build()))
                    .isEmpty();
            List<Violation> violations = validate(rncp().decidedOn("2019-03-10").effectiveFrom(effectiveFrom)
                    .endsOn(dayAfter).build());
            assertOnly(violations, "endsOn", "max-duration");
            assertThat(violations.get(0).message()).contains(lastEnd, "L6113-5", "five years");
        }

        @Test
        void theEndIsOnlyComparedWithAGivenEffectiveDate() {
            assertOnly(validate(rncp().effectiveFrom(null).endsOn("2040-01-01").build()), "effectiveFrom", "required");
        }

        @ParameterizedTest(name = "award deadline {0} (effective 2019-06-15, ends 2024-06-14): {1}")
        @CsvSource(nullValues = "null", value = {
                "null, null",
                "2019-06-14, before-effective-date",
                "2019-06-15, null",
                "2024-06-14, null",
                "2025-12-31, null"})
        void theAwardDeadlineIsOptionalAndNotBeforeTheEffectiveDate(String awardDeadline, String rule) {
            assertValidOr(validate(rncp().awardDeadline(awardDeadline).build()), "awardDeadline", rule);
            assertValidOr(validateRs(rs().awardDeadline(awardDeadline).build()), "awardDeadline", rule);
        }

        @Test
        void theAwardDeadlineIsOnlyComparedWithAGivenEffectiveDate() {
            assertOnly(validate(rncp().effectiveFrom(null).awardDeadline("2000-01-01").build()), "effectiveFrom",
                    "required");
        }
    }

    @Nested
    class Level {

        @ParameterizedTest(name = "RNCP decided on {0}, level {1}: {2}")
        @CsvSource(nullValues = "null", value = {
                // the old procedure: no level attributed by a registration decided before 2019
                "2018-12-31, null, null",
                "2018-12-31, 4, not-allowed",
                "2018-12-31, 9, not-allowed",
                "2018-03-20, 1, not-allowed",
                // the procedure of the law of 5 September 2018: levels 1 to 8
                "2019-01-01, null, required",
                "2019-01-01, 0, range",
                "2019-01-01, 1, null",
                "2019-01-01, 4, null",
                "2019-01-01, 8, null",
                "2019-01-01, 9, range",
                "2019-01-02, null, required",
                "2019-01-02, -1, range",
                "2019-01-02, 8, null"})
        void isRequiredFrom2019AndRefusedBefore(String decidedOn, Integer level, String rule) {
            Registration early = requested(Directory.RNCP, "2018-01-01");
            Decision decision = rncp().decidedOn(decidedOn).effectiveFrom("2019-01-15").endsOn("2024-01-14")
                    .level(level).build();
            List<Violation> violations = RegistrationRules.validateDecision(early, decision, TODAY, NONE_TAKEN);
            assertValidOr(violations, "level", rule);
            if (rule != null) {
                assertThat(violations.get(0).message()).contains(rule.equals("range") ? "1 to 8" : "2019-01-01");
            }
        }

        @ParameterizedTest(name = "RS decided on {0}, level {1}: {2}")
        @CsvSource(nullValues = "null", value = {
                "2018-12-31, null, null",
                "2018-12-31, 4, not-allowed",
                "2019-01-01, null, null",
                "2019-01-01, 4, not-allowed",
                "2019-06-01, 1, not-allowed",
                "2019-06-01, 9, not-allowed"})
        void isRefusedForTheRs(String decidedOn, Integer level, String rule) {
            Registration early = requested(Directory.RS, "2018-01-01");
            Decision decision = rs().decidedOn(decidedOn).effectiveFrom("2019-01-15").endsOn("2024-01-14")
                    .level(level).build();
            List<Violation> violations = RegistrationRules.validateDecision(early, decision, TODAY, NONE_TAKEN);
            assertValidOr(violations, "level", rule);
            if (rule != null) {
                assertThat(violations.get(0).message()).contains("RS", "L6113-6");
            }
        }

        @Test
        void withoutADecisionDateOnlyTheRangeIsChecked() {
            assertThat(validate(rncp().decidedOn(null).level(9).build())).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("decidedOn", "required"), tuple("level", "range"));
            assertOnly(validate(rncp().decidedOn(null).level(null).build()), "decidedOn", "required");
        }

        @Test
        void aFutureDecisionStillDecidesTheProcedure() {
            assertThat(validate(rncp().decidedOn("2024-06-16").level(null).build()))
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("decidedOn", "future-date"), tuple("level", "required"));
        }
    }

    @Nested
    class Blocks {

        static Decision withBlocks(Block... blocks) {
            return rncp().blocks(blocks).build();
        }

        @Test
        void areOptional() {
            assertThat(validate(rncp().blocks().build())).isEmpty();
            assertThat(validate(new Decision(Outcome.REGISTERED, "RNCP99001", RegistrationType.ON_REQUEST,
                    date("2019-06-01"), date("2019-06-15"), date("2024-06-14"), 4, null, null))).isEmpty();
        }

        @Test
        void severalBlocksAreValid() {
            assertThat(validate(withBlocks(new Block("RNCP99001BC01", "A"), new Block("RNCP99001BC02", "B"),
                    new Block("RNCP99001BC3", "C"), new Block("RNCP99001BC10", "D")))).isEmpty();
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(nullValues = "null", value = {
                "RNCP99001BC01, null",
                "RNCP99001BC1, null",
                "RNCP99001BC99, null",
                "RNCP99001BC001, pattern",
                "RNCP99001BC, pattern",
                "BC01, pattern",
                "rncp99001bc01, pattern",
                "RNCP99001-BC01, pattern",
                "RNCP99002BC01, block-code-prefix",
                "RNCP9900BC01, block-code-prefix",
                "RNCP990010BC01, pattern",
                "RNCP990011BC1, pattern"})
        void haveACodeStartingWithTheRegistrationCode(String code, String rule) {
            assertValidOr(validate(withBlocks(new Block(code, "Contrôler la qualité"))), "blocks[0].code", rule);
        }

        @Test
        void thePrefixMessageNamesTheRegistrationCode() {
            assertThat(validate(withBlocks(new Block("RNCP99002BC01", "T")))).singleElement()
                    .extracting(Violation::message).asString().contains("RNCP99001", "RNCP99001BC01", "RNCP99002BC01");
        }

        @Test
        void thePrefixIsNotCheckedAgainstAMalformedRegistrationCode() {
            assertThat(validate(rncp().code("RNCP99").blocks(new Block("RNCP99001BC01", "T")).build()))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("code", "pattern"));
            assertThat(validate(rncp().code(null).blocks(new Block("RNCP99001BC01", "T")).build()))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("code", "required"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void needACode(String code) {
            assertOnly(validate(withBlocks(new Block(code, "T"))), "blocks[0].code", "required");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\n"})
        void needATitle(String title) {
            assertOnly(validate(withBlocks(new Block("RNCP99001BC01", title))), "blocks[0].title", "required");
        }

        @Test
        void areNotNull() {
            assertThat(validate(withBlocks(new Block("RNCP99001BC01", "T"), null)))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("blocks[1]", "required"));
        }

        @ParameterizedTest(name = "{0} then {1}")
        @CsvSource({
                "RNCP99001BC01, RNCP99001BC01",
                "RNCP99001BC01, RNCP99001BC1",
                "RNCP99001BC2, RNCP99001BC02"})
        void areListedOnce(String first, String second) {
            List<Violation> violations = validate(withBlocks(new Block(first, "A"), new Block("RNCP99001BC05", "B"),
                    new Block(second, "C")));
            assertOnly(violations, "blocks[2].code", "duplicate");
            assertThat(violations.get(0).message()).contains("blocks[0]");
        }

        @Test
        void aMalformedBlockIsNotADuplicate() {
            assertThat(validate(withBlocks(new Block("RNCP99001BC01", "A"), new Block("RNCP99002BC01", "B"))))
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("blocks[1].code", "block-code-prefix"));
        }

        @Test
        void areRefusedForTheRs() {
            List<Violation> violations = validateRs(rs().blocks(new Block("RNCP99001BC01", "T")).build());
            assertOnly(violations, "blocks", "not-allowed");
            assertThat(violations.get(0).message()).contains("RS");
            assertThat(validateRs(rs().blocks().build())).isEmpty();
        }

        @Test
        void anRsDecisionWithLevelAndBlocksGetsBothRefused() {
            assertThat(validateRs(rs().level(4).blocks(new Block("RS5568BC01", "T")).build()))
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("level", "not-allowed"), tuple("blocks", "not-allowed"));
        }
    }

    @Nested
    class Refusal {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"code", "registrationType", "effectiveFrom", "endsOn", "level", "awardDeadline",
                "blocks"})
        void carriesItsDateOnly(String field) {
            Fixtures.Builder builder = new Fixtures.Builder().outcome(Outcome.REFUSED).decidedOn("2019-06-01");
            switch (field) {
                case "code" -> builder.code("RNCP99001");
                case "registrationType" -> builder.type(RegistrationType.ON_REQUEST);
                case "effectiveFrom" -> builder.effectiveFrom("2019-06-15");
                case "endsOn" -> builder.endsOn("2024-06-14");
                case "level" -> builder.level(4);
                case "awardDeadline" -> builder.awardDeadline("2024-06-14");
                default -> builder.blocks(new Block("RNCP99001BC01", "T"));
            }
            List<Violation> violations = validate(builder.build());
            assertOnly(violations, field, "not-allowed");
            assertThat(violations.get(0).message()).contains("refusal", "REGISTERED");
        }

        @Test
        void aFullRegistrationBodyMarkedRefusedReportsEveryField() {
            assertThat(validate(rncp().outcome(Outcome.REFUSED).awardDeadline("2024-06-14").build()))
                    .extracting(Violation::field).containsExactly("code", "registrationType", "effectiveFrom", "endsOn",
                            "level", "awardDeadline", "blocks");
        }

        @Test
        void anEmptyBlockListIsAbsent() {
            assertThat(validate(new Decision(Outcome.REFUSED, null, null, date("2019-06-01"), null, null, null, null,
                    List.of()))).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(Directory.class)
        void isTheSameInBothDirectories(Directory directory) {
            assertThat(RegistrationRules.validateDecision(requested(directory, "2019-03-10"),
                    Decision.refused(date("2019-06-01")), TODAY, NONE_TAKEN)).isEmpty();
        }
    }

    @Nested
    class Normalising {

        @Test
        void stripsTextsAndUpperCasesCodes() {
            Decision sent = rncp().code(" rncp99001 ").blocks(new Block(" rncp99001bc01\t", "  Contrôler  "), null)
                    .build();
            Decision normalised = RegistrationRules.normalise(sent);
            assertThat(normalised.code()).isEqualTo("RNCP99001");
            assertThat(normalised.blocks()).containsExactly(new Block("RNCP99001BC01", "Contrôler"), null);
            assertThat(normalised).usingRecursiveComparison().ignoringFields("code", "blocks").isEqualTo(sent);
            assertThat(validate(normalised)).extracting(Violation::field).containsExactly("blocks[1]");
        }

        @Test
        void keepsNulls() {
            assertThat(RegistrationRules.normalise((Decision) null)).isNull();
            Decision empty = new Decision(null, null, null, null, null, null, null, null, Arrays.asList(
                    new Block(null, null)));
            assertThat(RegistrationRules.normalise(empty)).isEqualTo(empty);
        }
    }
}
