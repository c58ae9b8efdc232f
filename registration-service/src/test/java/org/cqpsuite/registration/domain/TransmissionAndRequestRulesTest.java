package org.cqpsuite.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.cqpsuite.registration.domain.Fixtures.TODAY;
import static org.cqpsuite.registration.domain.Fixtures.TRANSMISSION;
import static org.cqpsuite.registration.domain.Fixtures.date;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TransmissionAndRequestRulesTest {

    @Nested
    class Transmissions {

        @Test
        void theContractExampleIsValid() {
            assertThat(RegistrationRules.validateTransmission(TRANSMISSION, TODAY)).isEmpty();
        }

        @Test
        void aMissingBodyIsOneViolation() {
            assertThat(RegistrationRules.validateTransmission(null, TODAY)).extracting(Violation::field,
                    Violation::rule).containsExactly(tuple("body", "required"));
        }

        @Test
        void todayIsRequired() {
            assertThatThrownBy(() -> RegistrationRules.validateTransmission(TRANSMISSION, null))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void everyViolationIsReportedAtOnce() {
            assertThat(RegistrationRules.validateTransmission(new Transmission(null, " "), TODAY))
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("transmittedOn", "required"), tuple("reference", "required"));
        }

        @ParameterizedTest(name = "transmitted on {0}, today 2024-06-15: {1}")
        @CsvSource(nullValues = "null", value = {
                "2024-06-14, null",
                "2024-06-15, null",
                "2024-06-16, future-date",
                "2025-01-01, future-date",
                "2000-01-01, null",
                "null, required"})
        void theDateIsRequiredAndNotInTheFuture(LocalDate transmittedOn, String rule) {
            List<Violation> violations = RegistrationRules.validateTransmission(
                    new Transmission(transmittedOn, "FC-2019-0001"), TODAY);
            if (rule == null) {
                assertThat(violations).isEmpty();
            } else {
                assertThat(violations).extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("transmittedOn", rule));
            }
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t\n "})
        void theReferenceIsRequired(String reference) {
            assertThat(RegistrationRules.validateTransmission(new Transmission(date("2019-03-01"), reference), TODAY))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("reference", "required"));
        }

        @Test
        void theReferenceHasAtMost64CharactersStripped() {
            assertThat(RegistrationRules.validateTransmission(new Transmission(date("2019-03-01"), "R".repeat(64)),
                    TODAY)).isEmpty();
            assertThat(RegistrationRules.validateTransmission(new Transmission(date("2019-03-01"), "é".repeat(64)),
                    TODAY)).isEmpty();
            assertThat(RegistrationRules.validateTransmission(new Transmission(date("2019-03-01"),
                    "  " + "R".repeat(64) + "  "), TODAY)).isEmpty();
            assertThat(RegistrationRules.validateTransmission(new Transmission(date("2019-03-01"), "R".repeat(65)),
                    TODAY)).extracting(Violation::field, Violation::rule, Violation::message)
                    .containsExactly(tuple("reference", "max-length", "must be at most 64 characters (found 65)"));
        }

        @ParameterizedTest(name = "correction to {0}, first request {1}: {2}")
        @CsvSource(nullValues = "null", value = {
                "2019-03-09, 2019-03-10, null",
                "2019-03-10, 2019-03-10, null",
                "2019-03-11, 2019-03-10, after-request",
                "2024-01-01, 2019-03-10, after-request",
                "2024-01-01, null, null"})
        void aCorrectionMayNotMoveTheDateAfterARequestAlreadyRecorded(LocalDate transmittedOn,
                LocalDate firstRequestedOn, String rule) {
            List<Violation> violations = RegistrationRules.validateTransmission(
                    new Transmission(transmittedOn, "FC-2019-0002"), TODAY, firstRequestedOn);
            if (rule == null) {
                assertThat(violations).isEmpty();
            } else {
                assertThat(violations).extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("transmittedOn", rule));
                assertThat(violations.get(0).message()).contains(firstRequestedOn.toString());
            }
        }

        @Test
        void theFutureIsReportedBeforeTheRequestOrder() {
            assertThat(RegistrationRules.validateTransmission(new Transmission(date("2024-06-16"), "R"), TODAY,
                    date("2019-03-10"))).extracting(Violation::rule).containsExactly("future-date");
        }

        @Test
        void theCurrentTransmissionIsTheLastRecordedNotTheLatestDate() {
            Transmission first = new Transmission(date("2019-03-05"), "FC-2019-0001");
            Transmission correction = new Transmission(date("2019-03-01"), "FC-2019-0001-bis");
            assertThat(RegistrationRules.currentTransmission(List.of(first, correction))).isEqualTo(correction);
            assertThat(RegistrationRules.currentTransmission(List.of(first))).isEqualTo(first);
            assertThat(RegistrationRules.currentTransmission(List.of())).isNull();
            assertThat(RegistrationRules.currentTransmission(null)).isNull();
        }

        @Test
        void normalisingStripsTheReference() {
            assertThat(RegistrationRules.normalise(new Transmission(date("2019-03-01"), "  FC-2019-0001 \t")))
                    .isEqualTo(new Transmission(date("2019-03-01"), "FC-2019-0001"));
            assertThat(RegistrationRules.normalise(new Transmission(null, null)))
                    .isEqualTo(new Transmission(null, null));
            assertThat(RegistrationRules.normalise((Transmission) null)).isNull();
        }
    }

    @Nested
    class Requests {

        static final RegistrationRequest EXAMPLE = new RegistrationRequest(Directory.RNCP, date("2019-03-10"));

        @Test
        void theContractExampleIsValid() {
            assertThat(RegistrationRules.validateRequest(EXAMPLE, TRANSMISSION, TODAY)).isEmpty();
            assertThat(RegistrationRules.validateRequest(new RegistrationRequest(Directory.RS, date("2019-03-10")),
                    TRANSMISSION, TODAY)).isEmpty();
        }

        @Test
        void aMissingBodyIsOneViolation() {
            assertThat(RegistrationRules.validateRequest(null, TRANSMISSION, TODAY))
                    .extracting(Violation::field, Violation::rule).containsExactly(tuple("body", "required"));
        }

        @Test
        void todayIsRequired() {
            assertThatThrownBy(() -> RegistrationRules.validateRequest(EXAMPLE, TRANSMISSION, null))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void aTransmissionMustExistBeforeAnyRequest() {
            List<Violation> violations = RegistrationRules.validateRequest(EXAMPLE, null, TODAY);
            assertThat(violations).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("body", "transmission-required"));
            assertThat(violations.get(0).message()).contains("France compétences", "L6113-4", "transmittedOn");
        }

        @Test
        void everyViolationIsReportedAtOnce() {
            assertThat(RegistrationRules.validateRequest(new RegistrationRequest(null, null), null, TODAY))
                    .extracting(Violation::field, Violation::rule).containsExactly(
                            tuple("body", "transmission-required"),
                            tuple("directory", "required"),
                            tuple("requestedOn", "required"));
        }

        @ParameterizedTest(name = "requested on {0}, transmitted 2019-03-01, today 2024-06-15: {1}")
        @CsvSource(nullValues = "null", value = {
                "2019-02-28, before-transmission",
                "2019-03-01, null",
                "2019-03-02, null",
                "2024-06-15, null",
                "2024-06-16, future-date",
                "null, required"})
        void theDateIsBetweenTheTransmissionAndToday(LocalDate requestedOn, String rule) {
            List<Violation> violations = RegistrationRules.validateRequest(
                    new RegistrationRequest(Directory.RNCP, requestedOn), TRANSMISSION, TODAY);
            if (rule == null) {
                assertThat(violations).isEmpty();
            } else {
                assertThat(violations).extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("requestedOn", rule));
            }
        }

        @Test
        void theCurrentTransmissionCountsNotTheFirst() {
            Transmission corrected = new Transmission(date("2019-03-05"), "FC-2019-0001-bis");
            Transmission current = RegistrationRules.currentTransmission(List.of(TRANSMISSION, corrected));
            assertThat(RegistrationRules.validateRequest(new RegistrationRequest(Directory.RNCP, date("2019-03-04")),
                    current, TODAY)).extracting(Violation::rule).containsExactly("before-transmission");
            assertThat(RegistrationRules.validateRequest(new RegistrationRequest(Directory.RNCP, date("2019-03-05")),
                    current, TODAY)).isEmpty();
        }

        @Test
        void theBeforeTransmissionMessageGivesTheTransmissionDate() {
            assertThat(RegistrationRules.validateRequest(new RegistrationRequest(Directory.RNCP, date("2019-02-01")),
                    TRANSMISSION, TODAY)).singleElement().extracting(Violation::message)
                    .asString().contains("2019-03-01", "2019-02-01");
        }
    }
}
