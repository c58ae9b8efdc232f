package org.cqpsuite.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cqpsuite.certification.domain.CertificationStatus.DRAFT;
import static org.cqpsuite.certification.domain.CertificationStatus.PUBLISHED;
import static org.cqpsuite.certification.domain.CertificationStatus.RETIRED;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CertificationLifecycleTest {

    static final Set<FrameworkKind> ALL = EnumSet.allOf(FrameworkKind.class);
    static final Set<FrameworkKind> NONE = EnumSet.noneOf(FrameworkKind.class);

    @ParameterizedTest(name = "{0} {1}: allowed {2}, else {3}")
    @CsvSource({
            "DRAFT, PUBLISH, true, ",
            "DRAFT, RETIRE, true, ",
            "DRAFT, UPDATE_DEFINITION, true, ",
            "DRAFT, CHANGE_KIND, true, ",
            "DRAFT, ADD_FRAMEWORK_VERSION, true, ",
            "PUBLISHED, PUBLISH, false, already-published",
            "PUBLISHED, RETIRE, true, ",
            "PUBLISHED, UPDATE_DEFINITION, true, ",
            "PUBLISHED, CHANGE_KIND, false, kind-frozen",
            "PUBLISHED, ADD_FRAMEWORK_VERSION, true, ",
            "RETIRED, PUBLISH, false, retired",
            "RETIRED, RETIRE, false, already-retired",
            "RETIRED, UPDATE_DEFINITION, false, retired",
            "RETIRED, CHANGE_KIND, false, retired",
            "RETIRED, ADD_FRAMEWORK_VERSION, false, retired"})
    void whatEachStatusAllows(CertificationStatus status, LifecycleAction action, boolean allowed, String reason) {
        assertThat(CertificationLifecycle.allows(status, action)).isEqualTo(allowed);
        if (allowed) {
            assertThatCode(() -> CertificationLifecycle.check(status, action)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> CertificationLifecycle.check(status, action))
                    .isInstanceOfSatisfying(LifecycleException.class, e -> {
                        assertThat(e.currentStatus()).isEqualTo(status);
                        assertThat(e.attempted()).isEqualTo(action);
                        assertThat(e.reason()).isEqualTo(reason);
                        assertThat(e.getMessage()).contains("status " + status);
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(CertificationKind.class)
    void aDraftWithItsThreeFrameworksIsPublished(CertificationKind kind) {
        assertThat(CertificationLifecycle.publish(DRAFT, ALL, kind, Source.API)).isEqualTo(PUBLISHED);
    }

    static Stream<Arguments> incompleteFrameworks() {
        return Stream.of(
                Arguments.of(CertificationKind.CQP, NONE, "activities, skills, evaluation"),
                Arguments.of(CertificationKind.CQPI, NONE, "activities, skills, evaluation"),
                Arguments.of(CertificationKind.CQP, EnumSet.of(FrameworkKind.ACTIVITIES), "skills, evaluation"),
                Arguments.of(CertificationKind.CQPI, EnumSet.of(FrameworkKind.ACTIVITIES, FrameworkKind.SKILLS),
                        "evaluation"),
                Arguments.of(CertificationKind.CQP, EnumSet.of(FrameworkKind.ACTIVITIES, FrameworkKind.EVALUATION),
                        "skills"),
                Arguments.of(CertificationKind.CQPI, EnumSet.of(FrameworkKind.SKILLS, FrameworkKind.EVALUATION),
                        "activities"),
                Arguments.of(CertificationKind.CQP, null, "activities, skills, evaluation"));
    }

    @ParameterizedTest(name = "{0} with {1}: missing {2}")
    @MethodSource("incompleteFrameworks")
    void aCqpWrittenThroughTheApiNeedsItsThreeFrameworks(CertificationKind kind, Set<FrameworkKind> present,
            String missing) {
        assertThatThrownBy(() -> CertificationLifecycle.publish(DRAFT, present, kind, Source.API))
                .isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.currentStatus()).isEqualTo(DRAFT);
                    assertThat(e.attempted()).isEqualTo(LifecycleAction.PUBLISH);
                    assertThat(e.reason()).isEqualTo("frameworks-missing");
                    assertThat(e.getMessage()).contains("A " + kind + " cannot be published", "article L6113-1",
                            "missing: ");
                    for (String segment : missing.split(", ")) {
                        assertThat(e.getMessage()).contains(segment + " (" + FrameworkKind.fromPath(segment)
                                .orElseThrow().legalName() + ")");
                    }
                });
        assertThat(CertificationLifecycle.missingFrameworks(present, kind, Source.API))
                .extracting(FrameworkKind::pathSegment).containsExactly(missing.split(", "));
    }

    @ParameterizedTest
    @EnumSource(CertificationKind.class)
    void aDirectoryImportIsPublishedWithWhatTheDirectoryGives(CertificationKind kind) {
        assertThat(CertificationLifecycle.publish(DRAFT, NONE, kind, Source.DIRECTORY_IMPORT)).isEqualTo(PUBLISHED);
        assertThat(CertificationLifecycle.publish(DRAFT, EnumSet.of(FrameworkKind.SKILLS), kind,
                Source.DIRECTORY_IMPORT)).isEqualTo(PUBLISHED);
        assertThat(CertificationLifecycle.missingFrameworks(NONE, kind, Source.DIRECTORY_IMPORT)).isEmpty();
    }

    @Test
    void anOtherCertificationNeedsNoFrameworks() {
        assertThat(CertificationLifecycle.publish(DRAFT, NONE, CertificationKind.OTHER, Source.API)).isEqualTo(PUBLISHED);
        assertThat(CertificationLifecycle.missingFrameworks(NONE, CertificationKind.OTHER, Source.API)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void aPublishedCertificationIsNotPublishedAgain(Source source) {
        assertThatThrownBy(() -> CertificationLifecycle.publish(PUBLISHED, ALL, CertificationKind.CQP, source))
                .isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.reason()).isEqualTo("already-published");
                    assertThat(e.currentStatus()).isEqualTo(PUBLISHED);
                    assertThat(e.getMessage()).contains("already published");
                });
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void aRetiredCertificationIsNotPublished(Source source) {
        assertThatThrownBy(() -> CertificationLifecycle.publish(RETIRED, ALL, CertificationKind.CQP, source))
                .isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.reason()).isEqualTo("retired");
                    assertThat(e.currentStatus()).isEqualTo(RETIRED);
                });
    }

    @Test
    void theStatusIsCheckedBeforeTheFrameworks() {
        assertThatThrownBy(() -> CertificationLifecycle.publish(PUBLISHED, NONE, CertificationKind.CQP, Source.API))
                .isInstanceOfSatisfying(LifecycleException.class,
                        e -> assertThat(e.reason()).isEqualTo("already-published"));
    }

    @ParameterizedTest
    @CsvSource({"DRAFT", "PUBLISHED"})
    void draftsAndPublishedCertificationsAreRetired(CertificationStatus status) {
        assertThat(CertificationLifecycle.retire(status)).isEqualTo(RETIRED);
    }

    @Test
    void aRetiredCertificationIsNotRetiredAgain() {
        assertThatThrownBy(() -> CertificationLifecycle.retire(RETIRED))
                .isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.reason()).isEqualTo("already-retired");
                    assertThat(e.attempted()).isEqualTo(LifecycleAction.RETIRE);
                });
    }

    @ParameterizedTest(name = "{0} {1} → {2}: {3}")
    @CsvSource(nullValues = "null", value = {
            "DRAFT, CQP, CQP, ",
            "DRAFT, CQP, CQPI, ",
            "DRAFT, CQPI, OTHER, ",
            "DRAFT, CQP, null, ",
            "PUBLISHED, CQPI, CQPI, ",
            "PUBLISHED, CQP, null, ",
            "PUBLISHED, CQP, CQPI, kind-frozen",
            "PUBLISHED, CQPI, CQP, kind-frozen",
            "PUBLISHED, OTHER, CQP, kind-frozen",
            "RETIRED, CQP, CQP, retired",
            "RETIRED, CQP, null, retired",
            "RETIRED, CQP, CQPI, retired"})
    void updates(CertificationStatus status, CertificationKind current, CertificationKind requested, String reason) {
        if (reason == null) {
            assertThatCode(() -> CertificationLifecycle.checkUpdate(status, current, requested))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> CertificationLifecycle.checkUpdate(status, current, requested))
                    .isInstanceOfSatisfying(LifecycleException.class, e -> {
                        assertThat(e.reason()).isEqualTo(reason);
                        assertThat(e.currentStatus()).isEqualTo(status);
                    });
        }
    }

    @Test
    void aKindChangeRefusalExplainsWhy() {
        assertThatThrownBy(() -> CertificationLifecycle.checkUpdate(PUBLISHED, CertificationKind.CQP,
                CertificationKind.CQPI)).hasMessageContaining("article L6113-4")
                .hasMessageContaining("new certification");
    }

    @Test
    void frameworkVersionsAreAddedUntilRetirement() {
        assertThatCode(() -> CertificationLifecycle.checkFrameworkVersion(DRAFT)).doesNotThrowAnyException();
        assertThatCode(() -> CertificationLifecycle.checkFrameworkVersion(PUBLISHED)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CertificationLifecycle.checkFrameworkVersion(RETIRED))
                .isInstanceOfSatisfying(LifecycleException.class, e -> {
                    assertThat(e.reason()).isEqualTo("retired");
                    assertThat(e.attempted()).isEqualTo(LifecycleAction.ADD_FRAMEWORK_VERSION);
                    assertThat(e.getMessage()).contains("stay readable");
                });
    }

    @Test
    void nullsAreBugs() {
        assertThatThrownBy(() -> CertificationLifecycle.allows(null, LifecycleAction.PUBLISH))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CertificationLifecycle.publish(DRAFT, ALL, null, Source.API))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> CertificationLifecycle.publish(DRAFT, ALL, CertificationKind.CQP, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LifecycleException(null, LifecycleAction.PUBLISH, "retired", "m"))
                .isInstanceOf(NullPointerException.class);
    }
}
