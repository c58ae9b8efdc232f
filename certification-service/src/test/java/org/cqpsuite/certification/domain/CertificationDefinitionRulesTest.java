package org.cqpsuite.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificationDefinitionRulesTest {

    static final Predicate<String> KNOWN = Set.of("0018", "0247", "1580")::contains;
    static final Cpne TEXTILE = new Cpne("CPNEFP textile", "0018");
    static final Cpne HABILLEMENT = new Cpne("CPNEFP habillement", "0247");
    static final Cpne CHAUSSURE = new Cpne("CPNEFP chaussure", "1580");

    /** The example body of the public contract. */
    static CertificationDraft contractExample() {
        return new CertificationDraft(CertificationKind.CQPI, "Opérateur qualité", List.of(TEXTILE, HABILLEMENT),
                List.of("200r"), List.of("H1502"));
    }

    static CertificationDraft draft(CertificationKind kind, Cpne... cpnes) {
        return new CertificationDraft(kind, "Opérateur qualité", Arrays.asList(cpnes), List.of(), List.of());
    }

    static CertificationDraft withTitle(String title) {
        return new CertificationDraft(CertificationKind.CQP, title, List.of(TEXTILE), List.of(), List.of());
    }

    static CertificationDraft withNsf(String... codes) {
        return new CertificationDraft(CertificationKind.CQP, "Opérateur qualité", List.of(TEXTILE), Arrays.asList(codes),
                List.of());
    }

    static CertificationDraft withRome(String... codes) {
        return new CertificationDraft(CertificationKind.CQP, "Opérateur qualité", List.of(TEXTILE), List.of(),
                Arrays.asList(codes));
    }

    static List<Violation> validate(CertificationDraft draft) {
        return CertificationRules.validateDefinition(draft, KNOWN);
    }

    @Test
    void theContractExampleIsValid() {
        assertThat(validate(contractExample())).isEmpty();
    }

    @Test
    void aMissingBodyIsOneViolation() {
        assertThat(validate(null)).extracting(Violation::field, Violation::rule).containsExactly(tuple("body", "required"));
    }

    @Test
    void theBranchListIsRequired() {
        assertThatThrownBy(() -> CertificationRules.validateDefinition(contractExample(), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        CertificationDraft broken = new CertificationDraft(null, " ", List.of(new Cpne("", "18"), TEXTILE),
                List.of("20r"), List.of("h1502", "H1502", "H1502"));
        assertThat(validate(broken)).extracting(Violation::field, Violation::rule).containsExactly(
                tuple("kind", "required"),
                tuple("title", "required"),
                tuple("cpnes[0].name", "required"),
                tuple("cpnes[0].idcc", "pattern"),
                tuple("nsfCodes[0]", "pattern"),
                tuple("romeCodes[0]", "pattern"),
                tuple("romeCodes[2]", "duplicate"));
    }

    @Test
    void theKindIsRequired() {
        assertThat(validate(draft(null, TEXTILE))).extracting(Violation::field, Violation::rule, Violation::message)
                .containsExactly(tuple("kind", "required", "is required: one of CQP, CQPI, OTHER"));
    }

    @Test
    void nullListsAreEmptyLists() {
        CertificationDraft other = new CertificationDraft(CertificationKind.OTHER, "Titre professionnel", null, null,
                null);
        assertThat(other.cpnes()).isEmpty();
        assertThat(other.nsfCodes()).isEmpty();
        assertThat(other.romeCodes()).isEmpty();
        assertThat(validate(other)).isEmpty();
    }

    @Nested
    class Title {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "   \t\n"})
        void isRequired(String title) {
            assertThat(validate(withTitle(title))).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("title", "required"));
        }

        @Test
        void hasAtMost1000Characters() {
            assertThat(validate(withTitle("a".repeat(1000)))).isEmpty();
            assertThat(validate(withTitle("é".repeat(1000)))).isEmpty();
            assertThat(validate(withTitle("a".repeat(1001)))).extracting(Violation::field, Violation::rule,
                    Violation::message).containsExactly(tuple("title", "max-length",
                            "must be at most 1000 characters (found 1001)"));
        }

        @Test
        void isMeasuredStripped() {
            assertThat(validate(withTitle("  " + "a".repeat(1000) + "  "))).isEmpty();
        }
    }

    @Nested
    class Branches {

        @Test
        void aCqpNeedsAtLeastOneCpne() {
            assertThat(validate(draft(CertificationKind.CQP))).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("cpnes", "min-branches"));
            assertThat(validate(draft(CertificationKind.CQP)).get(0).message()).contains("CQP", "article L6113-4",
                    "\"idcc\": \"0018\"");
            assertThat(validate(draft(CertificationKind.CQP, TEXTILE))).isEmpty();
        }

        @Test
        void aCqpMayHaveSeveralCpnesOfOneBranch() {
            assertThat(validate(draft(CertificationKind.CQP, TEXTILE, new Cpne("CPNE mode", "0018")))).isEmpty();
        }

        @Test
        void aCqpiWithoutCpneIsRefused() {
            assertThat(validate(draft(CertificationKind.CQPI))).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("cpnes", "min-branches"));
        }

        @Test
        void aCqpiWithOneCpneIsRefused() {
            List<Violation> violations = validate(draft(CertificationKind.CQPI, TEXTILE));
            assertThat(violations).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("cpnes", "min-branches"));
            assertThat(violations.get(0).message()).contains("CQPI", "at least 2 distinct branches", "1 CPNE is given",
                    "article L6113-4");
        }

        @Test
        void twoCpnesOfTheSameBranchCountOnce() {
            List<Violation> violations = validate(draft(CertificationKind.CQPI, TEXTILE, new Cpne("CPNE mode", "0018")));
            assertThat(violations).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("cpnes", "min-branches"));
            assertThat(violations.get(0).message()).contains("belong to 1 branch (IDCC 0018)", "count once");
        }

        @Test
        void aCqpiOfTwoBranchesIsValid() {
            assertThat(validate(draft(CertificationKind.CQPI, TEXTILE, HABILLEMENT))).isEmpty();
            assertThat(validate(draft(CertificationKind.CQPI, TEXTILE, new Cpne("CPNE mode", "0018"), CHAUSSURE)))
                    .isEmpty();
        }

        @Test
        void anOtherCertificationNeedsNoCpne() {
            assertThat(validate(draft(CertificationKind.OTHER))).isEmpty();
            assertThat(validate(draft(CertificationKind.OTHER, TEXTILE))).isEmpty();
        }

        @Test
        void aMalformedIdccIsNotAlsoReportedAsAMissingBranch() {
            assertThat(validate(draft(CertificationKind.CQPI, TEXTILE, new Cpne("CPNEFP habillement", "247"))))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("cpnes[1].idcc", "pattern"));
            assertThat(validate(draft(CertificationKind.CQPI, TEXTILE, null)))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("cpnes[1]", "required"));
        }

        @Test
        void anUnknownBranchStillCountsAsABranch() {
            assertThat(validate(draft(CertificationKind.CQPI, TEXTILE, new Cpne("CPNE inconnue", "9999"))))
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("cpnes[1].idcc", "unknown-branch"));
        }

        @Test
        void carryingBranchesAreTheSortedDistinctIdccs() {
            assertThat(CertificationRules.carryingBranches(List.of(HABILLEMENT, TEXTILE, new Cpne("CPNE mode", "0018"),
                    CHAUSSURE))).containsExactly("0018", "0247", "1580");
            assertThat(CertificationRules.carryingBranches(null)).isEmpty();
            assertThat(CertificationRules.carryingBranches(Arrays.asList(null, new Cpne("x", null), new Cpne("y", " "),
                    HABILLEMENT))).containsExactly("0247");
        }
    }

    @Nested
    class Cpnes {

        static Stream<Arguments> idccs() {
            return Stream.of(
                    Arguments.of("0018", null),
                    Arguments.of("1580", null),
                    Arguments.of("18", "pattern"),
                    Arguments.of("018", "pattern"),
                    Arguments.of("00180", "pattern"),
                    Arguments.of("AB12", "pattern"),
                    Arguments.of("0 18", "pattern"),
                    Arguments.of("\u0660\u0660\u0661\u0668", "pattern"), // Arabic-Indic digits are not IDCC digits
                    Arguments.of("9999", "unknown-branch"),
                    Arguments.of("", "required"),
                    Arguments.of("   ", "required"),
                    Arguments.of(null, "required"));
        }

        @ParameterizedTest(name = "IDCC {0}: {1}")
        @MethodSource("idccs")
        void idcc(String idcc, String rule) {
            List<Violation> violations = validate(draft(CertificationKind.OTHER, new Cpne("CPNE", idcc)));
            if (rule == null) {
                assertThat(violations).isEmpty();
            } else {
                assertThat(violations).extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("cpnes[0].idcc", rule));
            }
        }

        @Test
        void theIdccMessageExplainsZeroPadding() {
            assertThat(validate(draft(CertificationKind.CQP, new Cpne("CPNEFP textile", "18")))).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("4 digits", "zero-padded, e.g. 0018",
                            "found \"18\""));
        }

        @Test
        void theBranchListIsAskedOnlyAboutWellFormedCodes() {
            List<String> asked = new ArrayList<>();
            CertificationRules.validateDefinition(draft(CertificationKind.OTHER, new Cpne("a", "18"),
                    new Cpne("b", "AB12"), new Cpne("c", "0018"), new Cpne("d", null)), idcc -> asked.add(idcc));
            assertThat(asked).containsExactly("0018");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = " ")
        void theNameIsRequired(String name) {
            assertThat(validate(draft(CertificationKind.CQP, new Cpne(name, "0018"))))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("cpnes[0].name", "required"));
        }

        @Test
        void theNameHasAtMost500Characters() {
            assertThat(validate(draft(CertificationKind.CQP, new Cpne("n".repeat(500), "0018")))).isEmpty();
            assertThat(validate(draft(CertificationKind.CQP, new Cpne("n".repeat(501), "0018"))))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("cpnes[0].name", "max-length"));
        }

        @Test
        void aNullCpneIsReported() {
            assertThat(validate(draft(CertificationKind.CQP, TEXTILE, null)))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("cpnes[1]", "required"));
        }

        @Test
        void theSameCpneTwiceIsADuplicate() {
            assertThat(validate(draft(CertificationKind.CQPI, TEXTILE, HABILLEMENT, new Cpne(" cpnefp TEXTILE ", "0018"))))
                    .extracting(Violation::field, Violation::rule, Violation::message)
                    .containsExactly(tuple("cpnes[2]", "duplicate",
                            "repeats cpnes[0] (same name and IDCC): list each CPNE once"));
        }

        @Test
        void twoCpnesOfOneBranchWithDifferentNamesAreNotDuplicates() {
            assertThat(validate(draft(CertificationKind.CQP, TEXTILE, new Cpne("CPNE mode", "0018")))).isEmpty();
        }

        @Test
        void theSameNameInTwoBranchesIsNotADuplicate() {
            assertThat(validate(draft(CertificationKind.CQPI, TEXTILE, new Cpne("CPNEFP textile", "0247")))).isEmpty();
        }
    }

    @Nested
    class Codes {

        @ParameterizedTest(name = "NSF {0}: {1}")
        @CsvSource(nullValues = "null", value = {
                "200, ",
                "200r, ",
                "330t, ",
                "100a, ",
                "20r, pattern",
                "2000, pattern",
                "200rr, pattern",
                "r200, pattern",
                "200 r, pattern",
                "200-r, pattern",
                "200R, pattern", // strict: normalise() lower-cases it first
                "'', required",
                "' ', required",
                "null, required"})
        void nsf(String code, String rule) {
            List<Violation> violations = validate(withNsf(code));
            if (rule == null) {
                assertThat(violations).isEmpty();
            } else {
                assertThat(violations).extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("nsfCodes[0]", rule));
            }
        }

        @ParameterizedTest(name = "ROME {0}: {1}")
        @CsvSource(nullValues = "null", value = {
                "H1502, ",
                "A1101, ",
                "N4403, ",
                "h1502, pattern", // strict: normalise() upper-cases it first
                "H150, pattern",
                "H15020, pattern",
                "1502, pattern",
                "HH1502, pattern",
                "H 1502, pattern",
                "É1502, pattern",
                "'', required",
                "null, required"})
        void rome(String code, String rule) {
            List<Violation> violations = validate(withRome(code));
            if (rule == null) {
                assertThat(violations).isEmpty();
            } else {
                assertThat(violations).extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("romeCodes[0]", rule));
            }
        }

        @Test
        void messagesGiveAValidExample() {
            assertThat(validate(withNsf("20r"))).singleElement().satisfies(v -> assertThat(v.message())
                    .contains("NSF", "3 digits", "lower-case letter", "e.g. 200r", "found \"20r\""));
            assertThat(validate(withRome("H150"))).singleElement().satisfies(v -> assertThat(v.message())
                    .contains("ROME", "upper-case letter and 4 digits", "e.g. H1502", "found \"H150\""));
        }

        @Test
        void aCodeIsListedOnce() {
            assertThat(validate(withNsf("200r", "330t", "200r", "200r")))
                    .extracting(Violation::field, Violation::rule, Violation::message).containsExactly(
                            tuple("nsfCodes[2]", "duplicate", "repeats nsfCodes[0] (\"200r\"): list each code once"),
                            tuple("nsfCodes[3]", "duplicate", "repeats nsfCodes[0] (\"200r\"): list each code once"));
            assertThat(validate(withRome("H1502", "H1502"))).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("romeCodes[1]", "duplicate"));
            assertThat(validate(withNsf("200", "200r"))).isEmpty();
        }

        @Test
        void longValuesAreCutInMessages() {
            assertThat(validate(withRome("X".repeat(10_000)))).singleElement()
                    .satisfies(v -> assertThat(v.message()).hasSizeLessThan(300).contains("…"));
        }
    }

    @Nested
    class Normalise {

        @Test
        void stripsTextsAndFixesTheCaseOfCodes() {
            CertificationDraft raw = new CertificationDraft(CertificationKind.CQPI, "  Opérateur qualité ",
                    List.of(new Cpne(" CPNEFP textile ", " 0018 "), HABILLEMENT), List.of(" 200R", "330t"),
                    List.of("h1502 ", "H1503"));
            assertThat(CertificationRules.normalise(raw)).isEqualTo(new CertificationDraft(CertificationKind.CQPI,
                    "Opérateur qualité", List.of(TEXTILE, HABILLEMENT), List.of("200r", "330t"),
                    List.of("H1502", "H1503")));
            assertThat(validate(raw)).isNotEmpty();
            assertThat(validate(CertificationRules.normalise(raw))).isEmpty();
        }

        @Test
        void doesNotZeroPadIdccs() {
            CertificationDraft normalised = CertificationRules.normalise(draft(CertificationKind.CQP,
                    new Cpne("CPNEFP textile", "18")));
            assertThat(normalised.cpnes()).containsExactly(new Cpne("CPNEFP textile", "18"));
            assertThat(validate(normalised)).extracting(Violation::rule).containsExactly("pattern");
        }

        @Test
        void keepsNullsForTheRulesToReport() {
            CertificationDraft raw = new CertificationDraft(CertificationKind.CQP, null,
                    Arrays.asList(null, new Cpne(null, null)), Arrays.asList((String) null), null);
            CertificationDraft normalised = CertificationRules.normalise(raw);
            assertThat(normalised).isEqualTo(raw);
            assertThat(validate(normalised)).extracting(Violation::field).containsExactly("title", "cpnes[0]",
                    "cpnes[1].name", "cpnes[1].idcc", "nsfCodes[0]");
            assertThat(CertificationRules.normalise((CertificationDraft) null)).isNull();
        }

        @Test
        void makesCaseVariantsDuplicates() {
            assertThat(validate(CertificationRules.normalise(withRome("H1502", "h1502"))))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("romeCodes[1]", "duplicate"));
            assertThat(validate(CertificationRules.normalise(withNsf("200r", "200R"))))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("nsfCodes[1]", "duplicate"));
        }
    }
}
