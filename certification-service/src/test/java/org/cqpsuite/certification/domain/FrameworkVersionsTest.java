package org.cqpsuite.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.cqpsuite.certification.domain.FrameworkKind.ACTIVITIES;
import static org.cqpsuite.certification.domain.FrameworkKind.EVALUATION;
import static org.cqpsuite.certification.domain.FrameworkKind.SKILLS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameworkVersionsTest {

    /** 2024-06-15 10:00 in Paris. */
    static final FrameworkVersions VERSIONS = at("2024-06-15T08:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2024, 6, 15);

    static FrameworkVersions at(String instant) {
        return new FrameworkVersions(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    static FrameworkVersion version(FrameworkKind kind, int number, String effectiveDate) {
        return new FrameworkVersion(kind, number, LocalDate.parse(effectiveDate), "cpne-textile");
    }

    @ParameterizedTest(name = "after [{0}] comes {1}")
    @CsvSource(delimiter = '|', value = {
            "| 1",
            "1 | 2",
            "1,2,3 | 4",
            "3,1,2 | 4",
            "1,3 | 4",
            "7 | 8"})
    void theNextNumberIsTheHighestPlusOne(String existing, int next) {
        List<Integer> numbers = existing == null ? List.of()
                : Arrays.stream(existing.split(",")).map(Integer::valueOf).collect(Collectors.toList());
        assertThat(FrameworkVersions.nextNumber(numbers)).isEqualTo(next);
    }

    @Test
    void withNoVersionsTheNumberIsOne() {
        assertThat(FrameworkVersions.nextNumber(null)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} is {1} in Paris")
    @CsvSource({
            "2024-06-15T08:00:00Z, 2024-06-15",
            "2024-06-15T21:59:59Z, 2024-06-15", // 23:59:59 CEST
            "2024-06-15T22:00:00Z, 2024-06-16", // midnight CEST: already tomorrow in Paris, still today in UTC
            "2024-01-15T22:59:59Z, 2024-01-15", // 23:59:59 CET
            "2024-01-15T23:00:00Z, 2024-01-16",
            "2024-03-31T22:30:00Z, 2024-04-01"})
    void todayIsTheDateInParis(String instant, LocalDate today) {
        assertThat(at(instant).today()).isEqualTo(today);
        assertThat(new FrameworkVersions(Clock.fixed(Instant.parse(instant), ZoneId.of("America/New_York"))).today())
                .isEqualTo(today);
    }

    @Test
    void theEffectiveDateDefaultsToToday() {
        assertThat(VERSIONS.effectiveDate(null)).isEqualTo(TODAY);
        assertThat(VERSIONS.effectiveDate(LocalDate.of(2025, 1, 1))).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void theFirstVersionIsNumberOneEffectiveToday() {
        assertThat(VERSIONS.next(SKILLS, List.of(), null, "cpne-textile"))
                .isEqualTo(new FrameworkVersion(SKILLS, 1, TODAY, "cpne-textile"));
        assertThat(VERSIONS.next(SKILLS, null, null, "cpne-textile").number()).isEqualTo(1);
    }

    @Test
    void versionsAreNumberedPerFrameworkKind() {
        List<FrameworkVersion> versions = new ArrayList<>(List.of(version(ACTIVITIES, 1, "2024-01-01"),
                version(ACTIVITIES, 2, "2024-02-01"), version(SKILLS, 1, "2024-01-01")));
        assertThat(VERSIONS.next(ACTIVITIES, versions, null, "a").number()).isEqualTo(3);
        assertThat(VERSIONS.next(SKILLS, versions, null, "a").number()).isEqualTo(2);
        assertThat(VERSIONS.next(EVALUATION, versions, null, "a").number()).isEqualTo(1);
    }

    @Test
    void successiveVersionsCountUp() {
        List<FrameworkVersion> versions = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            FrameworkVersion next = VERSIONS.next(EVALUATION, versions, TODAY.plusDays(i), "author-" + i);
            assertThat(next.number()).isEqualTo(i);
            versions.add(next);
        }
        assertThat(versions).extracting(FrameworkVersion::number, FrameworkVersion::effectiveDate, FrameworkVersion::author)
                .containsExactly(tuple(1, TODAY.plusDays(1), "author-1"), tuple(2, TODAY.plusDays(2), "author-2"),
                        tuple(3, TODAY.plusDays(3), "author-3"));
    }

    @ParameterizedTest(name = "after a version effective {0}, {1}: {2}")
    @CsvSource(nullValues = "null", value = {
            "2024-05-01, 2024-05-01, true", // same day: a correction
            "2024-05-01, 2024-05-02, true",
            "2024-05-01, 2030-01-01, true", // in the future
            "2024-05-01, 2024-04-30, false",
            "2024-05-01, 2020-01-01, false",
            "2024-05-01, null, true", // today, 2024-06-15
            "2024-06-15, null, true",
            "2024-06-16, null, false", // today is before a version announced for tomorrow
            "2025-01-01, null, false"})
    void theEffectiveDateMayNotPrecedeThePreviousOne(LocalDate previous, LocalDate requested, boolean valid) {
        List<FrameworkVersion> versions = List.of(new FrameworkVersion(SKILLS, 1, previous, "a"));
        List<Violation> violations = VERSIONS.validateNext(SKILLS, versions, requested);
        if (valid) {
            assertThat(violations).isEmpty();
            assertThat(VERSIONS.next(SKILLS, versions, requested, "b"))
                    .isEqualTo(new FrameworkVersion(SKILLS, 2, requested != null ? requested : TODAY, "b"));
        } else {
            assertThat(violations).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("effectiveDate", "effective-date-order"));
            assertThat(violations.get(0).message()).contains("version 1", previous.toString(),
                    "found " + (requested != null ? requested : TODAY));
            assertThatThrownBy(() -> VERSIONS.next(SKILLS, versions, requested, "b"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("effectiveDate");
        }
    }

    @Test
    void aDefaultedDateSaysItIsToday() {
        assertThat(VERSIONS.validateNext(SKILLS, List.of(version(SKILLS, 1, "2024-07-01")), null)).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("today's date"));
    }

    @Test
    void theOrderIsCheckedAgainstTheLatestVersionOfTheSameKind() {
        List<FrameworkVersion> versions = List.of(version(SKILLS, 1, "2024-01-01"), version(SKILLS, 2, "2024-03-01"),
                version(ACTIVITIES, 1, "2024-12-01"));
        assertThat(VERSIONS.validateNext(SKILLS, versions, LocalDate.parse("2024-02-01")))
                .extracting(Violation::rule).containsExactly("effective-date-order");
        assertThat(VERSIONS.validateNext(SKILLS, versions, LocalDate.parse("2024-03-01"))).isEmpty();
        assertThat(VERSIONS.validateNext(EVALUATION, versions, LocalDate.parse("2000-01-01"))).isEmpty();
    }

    @Test
    void latestAndInEffectOn() {
        List<FrameworkVersion> versions = List.of(version(SKILLS, 2, "2024-03-01"), version(SKILLS, 1, "2024-01-01"),
                version(SKILLS, 3, "2024-03-01"), version(ACTIVITIES, 1, "2023-01-01"));
        assertThat(FrameworkVersions.latest(SKILLS, versions)).map(FrameworkVersion::number).contains(3);
        assertThat(FrameworkVersions.latest(EVALUATION, versions)).isEmpty();
        assertThat(FrameworkVersions.latest(EVALUATION, null)).isEmpty();
        assertThat(FrameworkVersions.inEffectOn(SKILLS, versions, LocalDate.parse("2023-12-31"))).isEmpty();
        assertThat(FrameworkVersions.inEffectOn(SKILLS, versions, LocalDate.parse("2024-01-01")))
                .map(FrameworkVersion::number).contains(1);
        assertThat(FrameworkVersions.inEffectOn(SKILLS, versions, LocalDate.parse("2024-02-29")))
                .map(FrameworkVersion::number).contains(1);
        assertThat(FrameworkVersions.inEffectOn(SKILLS, versions, LocalDate.parse("2024-03-01")))
                .map(FrameworkVersion::number).contains(3);
        assertThat(FrameworkVersions.inEffectOn(ACTIVITIES, versions, LocalDate.parse("2024-03-01")))
                .map(FrameworkVersion::number).contains(1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void aVersionHasAnAuthor(String author) {
        assertThatThrownBy(() -> VERSIONS.next(SKILLS, List.of(), null, author))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVersionStampIsComplete() {
        assertThatThrownBy(() -> new FrameworkVersion(SKILLS, 0, TODAY, "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FrameworkVersion(null, 1, TODAY, "a")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new FrameworkVersion(SKILLS, 1, null, "a")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new FrameworkVersions(null)).isInstanceOf(NullPointerException.class);
    }
}
