package org.cqpsuite.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameworkRulesTest {

    static final TargetedJob QUALITY_CONTROLLER = new TargetedJob("Contrôleur qualité", "H1502");

    static ActivityFramework activities(List<String> workSituations, List<String> activities, TargetedJob... jobs) {
        return new ActivityFramework(workSituations, activities, Arrays.asList(jobs));
    }

    static ActivityFramework validActivities() {
        return activities(List.of("Atelier de production"), List.of("Contrôler la conformité des produits",
                "Rédiger un rapport de non-conformité"), QUALITY_CONTROLLER, new TargetedJob("Opérateur qualité", null));
    }

    static Skill skill(String label) {
        return new Skill(label, false);
    }

    static SkillsBlock block(String code, Skill... skills) {
        return new SkillsBlock(code, "Bloc " + code, Arrays.asList(skills));
    }

    static SkillsFramework validSkills() {
        return new SkillsFramework(List.of(
                block("BC01", skill("Mesurer un écart"), new Skill("Communiquer par écrit", true)),
                block("BC02", skill("Proposer une action corrective"))));
    }

    static SkillsFramework skills(SkillsBlock... blocks) {
        return new SkillsFramework(Arrays.asList(blocks));
    }

    static EvaluationItem item(String target) {
        return new EvaluationItem(target, List.of("Les écarts sont identifiés"), List.of("Mise en situation"),
                "Épreuve pratique de 2 heures");
    }

    static EvaluationFramework evaluation(EvaluationItem... items) {
        return new EvaluationFramework(Arrays.asList(items));
    }

    @Nested
    class Activities {

        @Test
        void aCompleteFrameworkIsValid() {
            assertThat(CertificationRules.validateActivities(validActivities())).isEmpty();
        }

        @Test
        void onlyActivitiesAreRequired() {
            assertThat(CertificationRules.validateActivities(activities(null, List.of("Contrôler")))).isEmpty();
            assertThat(CertificationRules.validateActivities(new ActivityFramework(null, List.of("Contrôler"), null)))
                    .isEmpty();
        }

        @Test
        void atLeastOneActivity() {
            assertThat(CertificationRules.validateActivities(activities(List.of("Atelier"), List.of(), QUALITY_CONTROLLER)))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("activities", "required"));
            assertThat(CertificationRules.validateActivities(new ActivityFramework(null, null, null)))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("activities", "required"));
        }

        @Test
        void aMissingBodyIsOneViolation() {
            assertThat(CertificationRules.validateActivities(null)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("body", "required"));
        }

        @Test
        void textsAreNonBlankAndListedOnce() {
            ActivityFramework framework = activities(Arrays.asList("Atelier", " ", null, " atelier "),
                    Arrays.asList("Contrôler", "", "CONTRÔLER"));
            assertThat(CertificationRules.validateActivities(framework)).extracting(Violation::field, Violation::rule)
                    .containsExactly(
                            tuple("workSituations[1]", "required"),
                            tuple("workSituations[2]", "required"),
                            tuple("workSituations[3]", "duplicate"),
                            tuple("activities[1]", "required"),
                            tuple("activities[2]", "duplicate"));
        }

        @ParameterizedTest(name = "job ''{0}'' ROME {1}: {2} {3}")
        @CsvSource(nullValues = "null", value = {
                "Contrôleur qualité, H1502, , ",
                "Contrôleur qualité, null, , ",
                "Contrôleur qualité, '', , ", // blank code: absent
                "Contrôleur qualité, h1502, targetedJobs[0].romeCode, pattern",
                "Contrôleur qualité, H150, targetedJobs[0].romeCode, pattern",
                "Contrôleur qualité, 1502H, targetedJobs[0].romeCode, pattern",
                "null, H1502, targetedJobs[0].title, required",
                "' ', H1502, targetedJobs[0].title, required"})
        void targetedJobs(String title, String romeCode, String field, String rule) {
            List<Violation> violations = CertificationRules.validateActivities(
                    activities(null, List.of("Contrôler"), new TargetedJob(title, romeCode)));
            if (rule == null) {
                assertThat(violations).isEmpty();
            } else {
                assertThat(violations).extracting(Violation::field, Violation::rule).containsExactly(tuple(field, rule));
            }
        }

        @Test
        void aRomeMessageGivesAnExample() {
            assertThat(CertificationRules.validateActivities(activities(null, List.of("Contrôler"),
                    new TargetedJob("Contrôleur", "H150")))).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("e.g. H1502", "or absent", "found \"H150\""));
        }

        @Test
        void aJobIsListedOnce() {
            assertThat(CertificationRules.validateActivities(activities(null, List.of("Contrôler"), QUALITY_CONTROLLER,
                    new TargetedJob("contrôleur QUALITÉ", "H1502"), new TargetedJob("Contrôleur qualité", "H1503"),
                    null))).extracting(Violation::field, Violation::rule).containsExactly(
                            tuple("targetedJobs[1]", "duplicate"),
                            tuple("targetedJobs[3]", "required"));
        }

        @Test
        void normaliseStripsAndUpperCasesRomeCodes() {
            ActivityFramework raw = activities(List.of(" Atelier "), List.of(" Contrôler "),
                    new TargetedJob(" Contrôleur ", " h1502 "), new TargetedJob("Opérateur", " "), null);
            assertThat(CertificationRules.normalise(raw)).isEqualTo(activities(List.of("Atelier"), List.of("Contrôler"),
                    new TargetedJob("Contrôleur", "H1502"), new TargetedJob("Opérateur", null), null));
            assertThat(CertificationRules.normalise((ActivityFramework) null)).isNull();
        }
    }

    @Nested
    class Skills {

        @Test
        void aCompleteFrameworkIsValid() {
            assertThat(CertificationRules.validateSkills(validSkills())).isEmpty();
        }

        @Test
        void transversalSkillsAreFlagged() {
            assertThat(validSkills().blocks().get(0).skills()).extracting(Skill::transversal).containsExactly(false, true);
        }

        @Test
        void aMissingBodyIsOneViolation() {
            assertThat(CertificationRules.validateSkills(null)).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("body", "required"));
        }

        @Test
        void atLeastOneBlock() {
            assertThat(CertificationRules.validateSkills(new SkillsFramework(null)))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("blocks", "required"));
            assertThat(CertificationRules.validateSkills(new SkillsFramework(List.of())))
                    .singleElement().satisfies(v -> assertThat(v.message()).contains("bloc de compétences", "BC01"));
        }

        @Test
        void eachBlockHasAtLeastOneSkill() {
            assertThat(CertificationRules.validateSkills(skills(block("BC01"), new SkillsBlock("BC02", "Bloc", null))))
                    .extracting(Violation::field, Violation::rule).containsExactly(
                            tuple("blocks[0].skills", "required"),
                            tuple("blocks[1].skills", "required"));
        }

        @Test
        void aNullBlockOrSkillIsReported() {
            assertThat(CertificationRules.validateSkills(skills(block("BC01", skill("A"), null), null)))
                    .extracting(Violation::field, Violation::rule).containsExactly(
                            tuple("blocks[0].skills[1]", "required"),
                            tuple("blocks[1]", "required"));
        }

        @ParameterizedTest(name = "block code ''{0}'': {1}")
        @CsvSource(nullValues = "null", value = {
                "BC01, ",
                "BC1, ",
                "RNCP34486BC01, ",
                "Bloc 1 : qualité, ", // free text
                "12345678901234567890123456789012, ", // 32 characters
                "123456789012345678901234567890123, max-length", // 33 characters
                "'', required",
                "'  ', required",
                "null, required"})
        void blockCodes(String code, String rule) {
            List<Violation> violations = CertificationRules.validateSkills(skills(block(code, skill("A"))));
            if (rule == null) {
                assertThat(violations).isEmpty();
            } else {
                assertThat(violations).extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("blocks[0].code", rule));
            }
        }

        @Test
        void blockCodesAreUnique() {
            assertThat(CertificationRules.validateSkills(skills(block("BC01", skill("A")), block("BC02", skill("B")),
                    block(" bc01 ", skill("C"))))).extracting(Violation::field, Violation::rule, Violation::message)
                    .containsExactly(tuple("blocks[2].code", "duplicate",
                            "repeats the code of blocks[0] (\" bc01 \"): block codes are unique, e.g. BC01, BC02"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void blockTitlesAreRequired(String title) {
            assertThat(CertificationRules.validateSkills(skills(new SkillsBlock("BC01", title, List.of(skill("A"))))))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("blocks[0].title", "required"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = " \t")
        void skillLabelsAreRequired(String label) {
            assertThat(CertificationRules.validateSkills(skills(block("BC01"), block("BC02", skill("A"), skill("B"),
                    skill(label))))).extracting(Violation::field, Violation::rule).containsExactly(
                            tuple("blocks[0].skills", "required"),
                            tuple("blocks[1].skills[2].label", "required"));
        }

        @Test
        void aSkillIsListedOnceInItsBlock() {
            assertThat(CertificationRules.validateSkills(skills(block("BC01", skill("Mesurer"), skill(" MESURER")),
                    block("BC02", skill("Mesurer"))))).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("blocks[0].skills[1].label", "duplicate"));
        }

        @Test
        void normaliseStripsTexts() {
            SkillsFramework raw = skills(new SkillsBlock(" BC01 ", " Qualité ", List.of(new Skill(" Mesurer ", true))),
                    null);
            assertThat(CertificationRules.normalise(raw)).isEqualTo(skills(new SkillsBlock("BC01", "Qualité",
                    List.of(new Skill("Mesurer", true))), null));
            assertThat(CertificationRules.normalise((SkillsFramework) null)).isNull();
        }
    }

    @Nested
    class Evaluation {

        @Test
        void itemsTargetingBlocksAndSkillsAreValid() {
            EvaluationFramework framework = evaluation(item("BC01"), item("Proposer une action corrective"));
            assertThat(CertificationRules.validateEvaluation(framework, validSkills())).isEmpty();
        }

        @Test
        void targetsMatchIgnoringCaseAndSpaces() {
            assertThat(CertificationRules.validateEvaluation(evaluation(item(" bc02 "), item("MESURER UN ÉCART")),
                    validSkills())).isEmpty();
        }

        @Test
        void aTargetOutsideTheSkillsFrameworkIsUnknown() {
            List<Violation> violations = CertificationRules.validateEvaluation(evaluation(item("BC01"), item("BC09")),
                    validSkills());
            assertThat(violations).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("items[1].target", "unknown-target"));
            assertThat(violations.get(0).message()).contains("block code or a skill label", "e.g. BC01",
                    "found \"BC09\"");
        }

        @Test
        void withoutSkillsFrameworkAnyTargetIsAccepted() {
            assertThat(CertificationRules.validateEvaluation(evaluation(item("BC09"), item("Anything")), null)).isEmpty();
        }

        @Test
        void aMissingBodyIsOneViolation() {
            assertThat(CertificationRules.validateEvaluation(null, validSkills()))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("body", "required"));
        }

        @Test
        void atLeastOneItem() {
            assertThat(CertificationRules.validateEvaluation(new EvaluationFramework(null), null))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("items", "required"));
            assertThat(CertificationRules.validateEvaluation(evaluation(), validSkills()))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("items", "required"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = " ")
        void theTargetIsRequired(String target) {
            assertThat(CertificationRules.validateEvaluation(evaluation(item(target)), validSkills()))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("items[0].target", "required"));
        }

        @Test
        void eachItemHasACriterionAndAMethod() {
            EvaluationFramework framework = evaluation(new EvaluationItem("BC01", List.of(), null, "Épreuve"),
                    new EvaluationItem("BC02", Arrays.asList("Précis", " "), Arrays.asList((String) null), null));
            assertThat(CertificationRules.validateEvaluation(framework, validSkills()))
                    .extracting(Violation::field, Violation::rule).containsExactly(
                            tuple("items[0].criteria", "required"),
                            tuple("items[0].methods", "required"),
                            tuple("items[1].criteria[1]", "required"),
                            tuple("items[1].methods[0]", "required"));
        }

        @Test
        void theTestsAreOptional() {
            assertThat(CertificationRules.validateEvaluation(evaluation(new EvaluationItem("BC01", List.of("Précis"),
                    List.of("Mise en situation"), null)), validSkills())).isEmpty();
        }

        @Test
        void aTargetIsAssessedByOneItem() {
            assertThat(CertificationRules.validateEvaluation(evaluation(item("BC01"), item("bc01"), null), validSkills()))
                    .extracting(Violation::field, Violation::rule).containsExactly(
                            tuple("items[1].target", "duplicate"),
                            tuple("items[2]", "required"));
        }

        @Test
        void criteriaAndMethodsAreListedOnce() {
            EvaluationFramework framework = evaluation(new EvaluationItem("BC01", List.of("Précis", "précis"),
                    List.of("Oral", "Écrit", "ORAL "), null));
            assertThat(CertificationRules.validateEvaluation(framework, validSkills()))
                    .extracting(Violation::field, Violation::rule).containsExactly(
                            tuple("items[0].criteria[1]", "duplicate"),
                            tuple("items[0].methods[2]", "duplicate"));
        }

        @Test
        void normaliseStripsTextsAndDropsBlankTests() {
            EvaluationFramework raw = evaluation(new EvaluationItem(" BC01 ", List.of(" Précis "), List.of(" Oral "),
                    "  "), new EvaluationItem("BC02", List.of("Précis"), List.of("Oral"), " Épreuve "), null);
            assertThat(CertificationRules.normalise(raw)).isEqualTo(evaluation(
                    new EvaluationItem("BC01", List.of("Précis"), List.of("Oral"), null),
                    new EvaluationItem("BC02", List.of("Précis"), List.of("Oral"), "Épreuve"), null));
            assertThat(CertificationRules.normalise((EvaluationFramework) null)).isNull();
        }
    }
}
