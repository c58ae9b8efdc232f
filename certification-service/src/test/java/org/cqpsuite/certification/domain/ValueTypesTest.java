package org.cqpsuite.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @ParameterizedTest
    @CsvSource({"activities, ACTIVITIES", "skills, SKILLS", "evaluation, EVALUATION"})
    void frameworkKindsHaveAPathSegment(String segment, FrameworkKind kind) {
        assertThat(kind.pathSegment()).isEqualTo(segment);
        assertThat(FrameworkKind.fromPath(segment)).contains(kind);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Skills", "SKILLS", "skill", "evaluations", " skills", "competences"})
    void otherSegmentsNameNoFramework(String segment) {
        assertThat(FrameworkKind.fromPath(segment)).isEmpty();
    }

    @Test
    void frameworkKindsHaveTheirLegalName() {
        assertThat(FrameworkKind.ACTIVITIES.legalName()).isEqualTo("référentiel d'activités");
        assertThat(FrameworkKind.SKILLS.legalName()).isEqualTo("référentiel de compétences");
        assertThat(FrameworkKind.EVALUATION.legalName()).isEqualTo("référentiel d'évaluation");
    }

    @ParameterizedTest
    @CsvSource({"CQP, 1, true", "CQPI, 2, true", "OTHER, 0, false"})
    void kindsSayHowManyBranchesAndWhetherFrameworksAreNeeded(CertificationKind kind, int branches, boolean frameworks) {
        assertThat(kind.minimumBranches()).isEqualTo(branches);
        assertThat(kind.requiresFrameworks()).isEqualTo(frameworks);
    }

    @Test
    void theEnumsHaveTheContractsValues() {
        assertThat(CertificationKind.values()).extracting(Enum::name).containsExactly("CQP", "CQPI", "OTHER");
        assertThat(CertificationStatus.values()).extracting(Enum::name).containsExactly("DRAFT", "PUBLISHED", "RETIRED");
        assertThat(Source.values()).extracting(Enum::name).containsExactly("API", "DIRECTORY_IMPORT");
    }

    @Test
    void recordsCopyTheirListsAndKeepNullElements() {
        List<String> codes = new ArrayList<>(Arrays.asList("200r", null));
        CertificationDraft draft = new CertificationDraft(CertificationKind.CQP, "T", null, codes, null);
        codes.add("330t");
        assertThat(draft.nsfCodes()).containsExactly("200r", null);
        assertThat(draft.cpnes()).isEmpty();
        assertThatThrownBy(() -> draft.nsfCodes().add("x")).isInstanceOf(UnsupportedOperationException.class);

        assertThat(new ActivityFramework(null, null, null).targetedJobs()).isEmpty();
        assertThat(new SkillsBlock("BC01", "T", null).skills()).isEmpty();
        assertThat(new SkillsFramework(null).blocks()).isEmpty();
        assertThat(new EvaluationItem("BC01", null, null, null).criteria()).isEmpty();
        assertThat(new EvaluationFramework(null).items()).isEmpty();
        SkillsFramework skills = new SkillsFramework(new ArrayList<>(List.of(new SkillsBlock("BC01", "T", List.of()))));
        assertThatThrownBy(() -> skills.blocks().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aViolationHasAllItsParts() {
        assertThat(new Violation("cpnes[1].idcc", "pattern", "m").field()).isEqualTo("cpnes[1].idcc");
        assertThatThrownBy(() -> new Violation(null, "pattern", "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Violation("f", null, "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Violation("f", "pattern", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void ruleCodesAreKebabCase() {
        assertThat(List.of(Violation.REQUIRED, Violation.PATTERN, Violation.MAX_LENGTH, Violation.DUPLICATE,
                Violation.MIN_BRANCHES, Violation.UNKNOWN_BRANCH, Violation.UNKNOWN_TARGET,
                Violation.EFFECTIVE_DATE_ORDER)).allMatch(code -> code.matches("[a-z]+(-[a-z]+)*"))
                .contains("required", "pattern", "max-length", "duplicate", "min-branches", "unknown-branch",
                        "unknown-target", "effective-date-order");
    }
}
