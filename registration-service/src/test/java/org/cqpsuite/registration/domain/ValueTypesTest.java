package org.cqpsuite.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cqpsuite.registration.domain.Fixtures.date;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ValueTypesTest {

    @Test
    void theEnumsHaveTheContractsValues() {
        assertThat(Directory.values()).extracting(Enum::name).containsExactly("RNCP", "RS");
        assertThat(RegistrationType.values()).extracting(Enum::name).containsExactly("ON_REQUEST", "BY_RIGHT");
        assertThat(RegistrationStatus.values()).extracting(Enum::name).containsExactly("REQUESTED", "REGISTERED",
                "REFUSED", "WITHDRAWN", "EXPIRED", "REPLACED");
        assertThat(Outcome.values()).extracting(Enum::name).containsExactly("REGISTERED", "REFUSED");
        assertThat(RegistrationAction.values()).extracting(Enum::name).containsExactly("REQUEST", "DECIDE",
                "WITHDRAW", "EXPIRE", "RENEW");
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
            "RNCP99, RNCP, false",
            "RNCP999, RNCP, true",
            "RNCP9999, RNCP, true",
            "RNCP99999, RNCP, true",
            "RNCP999999, RNCP, false",
            "RNCP34486, RNCP, true",
            "RNCP, RNCP, false",
            "rncp34486, RNCP, false",
            "' RNCP34486', RNCP, false",
            "'RNCP34486 ', RNCP, false",
            "RNCP3448A, RNCP, false",
            "RNCP34486BC01, RNCP, false",
            "RS5568, RNCP, false",
            "RS5568, RS, true",
            "RS1, RS, true",
            "RS999999, RS, true",
            "RS1234567, RS, false",
            "RS, RS, false",
            "rs5568, RS, false",
            "RS55A8, RS, false",
            "RNCP34486, RS, false",
            "RSS5568, RS, false"})
    void codesHaveTheirDirectorysForm(String code, Directory directory, boolean valid) {
        assertThat(directory.isCode(code)).isEqualTo(valid);
        assertThat(directory.codePattern().matcher(code).matches()).isEqualTo(valid);
    }

    @Test
    void directoriesDescribeThemselves() {
        assertThat(Directory.RNCP.isCode(null)).isFalse();
        assertThat(Directory.RNCP.isCode("RNCP34486\n")).isFalse();
        assertThat(Directory.RS.isCode("RS5568\n")).isFalse();
        assertThat(Directory.BLOCK_CODE.matcher("RNCP34486BC01\n").matches()).isFalse();
        assertThat(Directory.RNCP.codePattern().pattern()).isEqualTo("^RNCP\\d{3,5}$");
        assertThat(Directory.RS.codePattern().pattern()).isEqualTo("^RS\\d{1,6}$");
        assertThat(Directory.RNCP.prefix()).isEqualTo("RNCP");
        assertThat(Directory.RS.prefix()).isEqualTo("RS");
        assertThat(Directory.RNCP.article()).isEqualTo("L6113-5");
        assertThat(Directory.RS.article()).isEqualTo("L6113-6");
        assertThat(Directory.RNCP.hasLevels()).isTrue();
        assertThat(Directory.RS.hasLevels()).isFalse();
        assertThat(Directory.RNCP.hasBlocks()).isTrue();
        assertThat(Directory.RS.hasBlocks()).isFalse();
        assertThat(Directory.RNCP.codeHint()).contains("RNCP34486");
        assertThat(Directory.RS.codeHint()).contains("RS5568");
    }

    @ParameterizedTest(name = "block {0}: {1}")
    @CsvSource({
            "RNCP99001BC01, true",
            "RNCP99001BC1, true",
            "RNCP999BC99, true",
            "RNCP99001BC001, false",
            "RNCP99001BC, false",
            "RNCP99BC01, false",
            "RNCP999999BC01, false",
            "BC01, false",
            "rncp99001bc01, false",
            "RS5568BC01, false"})
    void blockCodesHaveTheirForm(String code, boolean valid) {
        assertThat(Directory.BLOCK_CODE.matcher(code).matches()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"REQUESTED, false, false", "REGISTERED, true, false", "REFUSED, false, true",
            "WITHDRAWN, true, true", "EXPIRED, true, false", "REPLACED, true, true"})
    void statusesSayWhetherTheyWereRegisteredAndWhetherTheyAreFinal(RegistrationStatus status, boolean registered,
            boolean terminal) {
        assertThat(status.wasRegistered()).isEqualTo(registered);
        assertThat(status.isFinal()).isEqualTo(terminal);
    }

    @Test
    void actionsHaveAParticiple() {
        assertThat(RegistrationAction.values()).extracting(RegistrationAction::participle).containsExactly("requested",
                "decided", "withdrawn", "expired", "renewed");
    }

    @Test
    void decisionsCopyTheirBlocksAndKeepNullElements() {
        List<Block> blocks = new ArrayList<>(Arrays.asList(new Block("RNCP99001BC01", "T"), null));
        Decision decision = new Decision(Outcome.REGISTERED, "RNCP99001", null, null, null, null, null, null, blocks);
        blocks.add(new Block("RNCP99001BC02", "T"));
        assertThat(decision.blocks()).hasSize(2).containsNull();
        assertThatThrownBy(() -> decision.blocks().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new Decision(null, null, null, null, null, null, null, null, null).blocks()).isEmpty();
        assertThat(Decision.refused(date("2019-06-01"))).isEqualTo(new Decision(Outcome.REFUSED, null, null,
                date("2019-06-01"), null, null, null, null, List.of()));
    }

    @Test
    void aViolationHasAllItsParts() {
        assertThat(new Violation("blocks[1].code", "pattern", "m").field()).isEqualTo("blocks[1].code");
        assertThatThrownBy(() -> new Violation(null, "pattern", "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Violation("f", null, "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Violation("f", "pattern", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void ruleCodesAreDistinctAndKebabCase() throws IllegalAccessException {
        List<String> codes = new ArrayList<>();
        for (Field field : Violation.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                codes.add((String) field.get(null));
            }
        }
        assertThat(codes).doesNotHaveDuplicates().allMatch(code -> code.matches("[a-z]+(-[a-z]+)*"))
                .contains("required", "pattern", "max-length", "duplicate", "duplicate-code", "future-date",
                        "transmission-required", "before-transmission", "after-request", "before-request",
                        "date-order", "max-duration", "before-effective-date", "after-end-date",
                        "before-predecessor", "range", "not-allowed", "block-code-prefix");
    }

    @Test
    void reasonCodesAreKebabCase() {
        assertThat(List.of(RegistrationLifecycle.REQUEST_PENDING, RegistrationLifecycle.ALREADY_REGISTERED,
                RegistrationLifecycle.ALREADY_DECIDED, RegistrationLifecycle.NOT_REGISTERED,
                RegistrationLifecycle.NO_LONGER_REGISTERED, RegistrationLifecycle.ALREADY_WITHDRAWN,
                RegistrationLifecycle.ALREADY_EXPIRED, RegistrationLifecycle.ALREADY_REPLACED,
                RegistrationLifecycle.NOT_DUE)).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z]+(-[a-z]+)*"));
    }

    @Test
    void aTransitionExceptionHasAllItsParts() {
        TransitionException e = new TransitionException(RegistrationStatus.REFUSED, RegistrationAction.WITHDRAW,
                "not-registered", "The registration is REFUSED");
        assertThat(e.currentStatus()).isEqualTo(RegistrationStatus.REFUSED);
        assertThat(e.attempted()).isEqualTo(RegistrationAction.WITHDRAW);
        assertThat(e.reason()).isEqualTo("not-registered");
        assertThat(e).hasMessage("The registration is REFUSED").isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> new TransitionException(null, RegistrationAction.WITHDRAW, "r", "m"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TransitionException(RegistrationStatus.REFUSED, null, "r", "m"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TransitionException(RegistrationStatus.REFUSED, RegistrationAction.WITHDRAW,
                null, "m")).isInstanceOf(NullPointerException.class);
    }

    // ------------------------------------------------------------------------------ Registration: what each status holds

    static Registration registration(RegistrationStatus status, LocalDate requestedOn, String code, String decidedOn,
            String withdrawnOn, String reason, String successor) {
        boolean registered = code != null;
        return new Registration(status, Directory.RNCP, requestedOn, code,
                registered ? RegistrationType.ON_REQUEST : null, date(decidedOn),
                registered ? date("2019-06-15") : null, registered ? date("2024-06-14") : null, null, null, null,
                date(withdrawnOn), reason, null, successor);
    }

    @ParameterizedTest(name = "{0} code={2} decided={3} withdrawn={4} successor={6}: valid {7}")
    @CsvSource(nullValues = "null", value = {
            // status, requestedOn, code, decidedOn, withdrawnOn, reason, successor, valid
            "REQUESTED, 2019-03-10, null, null, null, null, null, true",
            "REQUESTED, null, null, null, null, null, null, false",
            "REQUESTED, 2019-03-10, null, 2019-06-01, null, null, null, false",
            "REQUESTED, 2019-03-10, RNCP99001, null, null, null, null, false",
            "REFUSED, 2019-03-10, null, 2019-06-01, null, null, null, true",
            "REFUSED, 2019-03-10, null, null, null, null, null, false",
            "REFUSED, 2019-03-10, RNCP99001, 2019-06-01, null, null, null, false",
            "REGISTERED, 2019-03-10, RNCP99001, 2019-06-01, null, null, null, true",
            "REGISTERED, null, RNCP99001, 2019-06-01, null, null, null, true",
            "REGISTERED, 2019-03-10, null, 2019-06-01, null, null, null, false",
            "REGISTERED, 2019-03-10, RNCP99001, null, null, null, null, false",
            "REGISTERED, 2019-03-10, RNCP99001, 2019-06-01, 2021-01-01, why, null, false",
            // A successor code outside REPLACED: the directory's next certification (directory importer).
            "REGISTERED, 2019-03-10, RNCP99001, 2019-06-01, null, null, RNCP99002, true",
            "EXPIRED, 2019-03-10, RNCP99001, 2019-06-01, null, null, RNCP99002, true",
            "REQUESTED, 2019-03-10, null, null, null, null, RNCP99002, false",
            "REFUSED, 2019-03-10, null, 2019-06-01, null, null, RNCP99002, false",
            "WITHDRAWN, 2019-03-10, RNCP99001, 2019-06-01, 2021-01-01, why, null, true",
            "WITHDRAWN, 2019-03-10, RNCP99001, 2019-06-01, null, why, null, false",
            "WITHDRAWN, 2019-03-10, RNCP99001, 2019-06-01, 2021-01-01, null, null, false",
            "WITHDRAWN, 2019-03-10, RNCP99001, 2019-06-01, 2021-01-01, ' ', null, false",
            "EXPIRED, 2019-03-10, RNCP99001, 2019-06-01, null, null, null, true",
            "EXPIRED, 2019-03-10, RNCP99001, 2019-06-01, 2021-01-01, why, null, false",
            "REPLACED, 2019-03-10, RNCP99001, 2019-06-01, null, null, RNCP99002, true",
            "REPLACED, 2019-03-10, RNCP99001, 2019-06-01, null, null, null, false",
            "REPLACED, 2019-03-10, null, 2019-06-01, null, null, RNCP99002, false"})
    void aRegistrationHoldsWhatItsStatusNeeds(RegistrationStatus status, LocalDate requestedOn, String code,
            String decidedOn, String withdrawnOn, String reason, String successor, boolean valid) {
        if (valid) {
            assertThatCode(() -> registration(status, requestedOn, code, decidedOn, withdrawnOn, reason, successor))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> registration(status, requestedOn, code, decidedOn, withdrawnOn, reason,
                    successor)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(status.name());
        }
    }

    @ParameterizedTest
    @EnumSource(value = RegistrationStatus.class, names = {"REQUESTED", "REFUSED"})
    void aRegistrationNotRegisteredHasNoDecisionFields(RegistrationStatus status) {
        LocalDate decidedOn = status == RegistrationStatus.REFUSED ? date("2019-06-01") : null;
        LocalDate requestedOn = date("2019-03-10");
        assertThatThrownBy(() -> new Registration(status, Directory.RNCP, requestedOn, null,
                RegistrationType.ON_REQUEST, decidedOn, null, null, null, null, null, null, null, null, null))
                .hasMessageContaining("registrationType");
        assertThatThrownBy(() -> new Registration(status, Directory.RNCP, requestedOn, null, null, decidedOn,
                date("2019-06-15"), null, null, null, null, null, null, null, null)).hasMessageContaining("effectiveFrom");
        assertThatThrownBy(() -> new Registration(status, Directory.RNCP, requestedOn, null, null, decidedOn,
                null, date("2024-06-14"), null, null, null, null, null, null, null)).hasMessageContaining("endsOn");
        assertThatThrownBy(() -> new Registration(status, Directory.RNCP, requestedOn, null, null, decidedOn,
                null, null, 4, null, null, null, null, null, null)).hasMessageContaining("level");
        assertThatThrownBy(() -> new Registration(status, Directory.RNCP, requestedOn, null, null, decidedOn,
                null, null, null, date("2025-01-01"), null, null, null, null, null))
                .hasMessageContaining("awardDeadline");
        assertThatThrownBy(() -> new Registration(status, Directory.RNCP, requestedOn, null, null, decidedOn,
                null, null, null, null, List.of(new Block("RNCP99001BC01", "T")), null, null, null, null))
                .hasMessageContaining("blocks");
        assertThatThrownBy(() -> new Registration(status, Directory.RNCP, requestedOn, null, null, decidedOn,
                null, null, null, null, null, null, null, "RNCP99000", null)).hasMessageContaining("predecessorCode");
    }

    /** A registration known from an official order that does not give its code: the order stands in for the code. */
    @ParameterizedTest
    @EnumSource(RegistrationStatus.class)
    void aRegisteredStatusNeedsACodeOrALegalBasisAndOnlyThoseHaveOne(RegistrationStatus status) {
        String order = "Arrêté du 20 janvier 2014 (NOR ETSD1401196A)";
        Registration registered = new Registration(RegistrationStatus.REGISTERED, Directory.RNCP, null, null,
                RegistrationType.ON_REQUEST, date("2014-01-20"), date("2014-01-31"), date("2019-01-30"), null, null,
                List.of(), null, null, null, null, order);
        Registration inStatus = switch (status) {
            case REQUESTED -> Fixtures.requested();
            case REFUSED -> Fixtures.inStatus(RegistrationStatus.REFUSED);
            case REGISTERED -> registered;
            case WITHDRAWN -> RegistrationLifecycle.withdraw(registered, new Withdrawal(date("2016-01-01"), "Retrait"));
            case EXPIRED -> RegistrationLifecycle.expire(registered, date("2019-01-31"));
            case REPLACED -> RegistrationLifecycle.renew(registered, Fixtures.renewal().build()).replaced();
        };

        if (status.wasRegistered()) {
            assertThat(inStatus.code()).isNull();
            assertThat(inStatus.legalBasis()).as("kept by every transition").isEqualTo(order);
            assertThat(inStatus.designation()).isEqualTo('"' + order + '"');
            assertThatThrownBy(() -> new Registration(status, Directory.RNCP, null, null, inStatus.registrationType(),
                    inStatus.decidedOn(), inStatus.effectiveFrom(), inStatus.endsOn(), null, null, List.of(),
                    inStatus.withdrawnOn(), inStatus.withdrawalReason(), null, inStatus.successorCode(), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("legalBasis");
        } else {
            assertThatThrownBy(() -> new Registration(status, Directory.RNCP, inStatus.requestedOn(), null, null,
                    inStatus.decidedOn(), null, null, null, null, List.of(), null, null, null, null, order))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("legalBasis");
        }
    }

    @Test
    void aRenewalOfARegistrationWithoutCodeIsLinkedByTheSuccessorsCode() {
        Registration registered = new Registration(RegistrationStatus.REGISTERED, Directory.RNCP, null, null,
                RegistrationType.ON_REQUEST, date("2014-01-20"), date("2014-01-31"), date("2019-01-30"), null, null,
                List.of(), null, null, null, null, "Arrêté du 20 janvier 2014");
        Renewal renewal = RegistrationLifecycle.renew(registered, Fixtures.renewal().build());

        assertThat(renewal.replaced().successorCode()).isEqualTo("RNCP99002");
        assertThat(renewal.successor().predecessorCode()).isNull();
        assertThat(renewal.successor().legalBasis()).isNull();
    }

    @Test
    void aRegistrationNeedsItsStatusAndDirectoryAndCopiesItsBlocks() {
        assertThatThrownBy(() -> Registration.requested(null, date("2019-03-10")))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Registration(null, Directory.RNCP, date("2019-03-10"), null, null, null, null,
                null, null, null, null, null, null, null, null)).isInstanceOf(NullPointerException.class);
        List<Block> blocks = new ArrayList<>(List.of(new Block("RNCP99001BC01", "T")));
        Registration registration = new Registration(RegistrationStatus.REGISTERED, Directory.RNCP, null, "RNCP99001",
                RegistrationType.ON_REQUEST, date("2019-06-01"), date("2019-06-15"), date("2024-06-14"), 4, null,
                blocks, null, null, null, null);
        blocks.clear();
        assertThat(registration.blocks()).hasSize(1);
        assertThatThrownBy(() -> registration.blocks().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Registration.requested(Directory.RS, date("2019-03-10")).blocks()).isEmpty();
    }

    @Test
    void aRegistrationExpiresTheDayAfterItsEndDate() {
        assertThat(Fixtures.registered().expiresOn()).isEqualTo(date("2024-06-15"));
        assertThat(Fixtures.registered("2020-01-01", "2024-02-28").expiresOn()).isEqualTo(date("2024-02-29"));
        assertThat(Fixtures.registered("2020-01-01", "2023-12-31").expiresOn()).isEqualTo(date("2024-01-01"));
        assertThat(Fixtures.requested().expiresOn()).isNull();
    }
}
