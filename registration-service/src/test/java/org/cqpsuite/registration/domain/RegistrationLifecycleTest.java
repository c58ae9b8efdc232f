package org.cqpsuite.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cqpsuite.registration.domain.Fixtures.date;
import static org.cqpsuite.registration.domain.Fixtures.inStatus;
import static org.cqpsuite.registration.domain.Fixtures.registered;
import static org.cqpsuite.registration.domain.Fixtures.renewal;
import static org.cqpsuite.registration.domain.Fixtures.requested;
import static org.cqpsuite.registration.domain.Fixtures.rncp;
import static org.cqpsuite.registration.domain.RegistrationStatus.EXPIRED;
import static org.cqpsuite.registration.domain.RegistrationStatus.REFUSED;
import static org.cqpsuite.registration.domain.RegistrationStatus.REGISTERED;
import static org.cqpsuite.registration.domain.RegistrationStatus.REPLACED;
import static org.cqpsuite.registration.domain.RegistrationStatus.REQUESTED;
import static org.cqpsuite.registration.domain.RegistrationStatus.WITHDRAWN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RegistrationLifecycleTest {

    static final Withdrawal WITHDRAWAL = new Withdrawal(date("2021-01-01"), "Retrait à la demande de la CPNE");
    /** The day after the contract example's end date (2024-06-14). */
    static final LocalDate DAY_AFTER_END = date("2024-06-15");

    /** Runs the action on a registration of the status, as a service would. */
    static Registration attempt(RegistrationStatus status, RegistrationAction action) {
        Registration current = inStatus(status);
        return switch (action) {
            case REQUEST -> {
                RegistrationLifecycle.checkRequest(current.directory(), List.of(current));
                yield RegistrationLifecycle.request(new RegistrationRequest(current.directory(), date("2024-06-20")));
            }
            case DECIDE -> RegistrationLifecycle.decide(current, rncp().build());
            case WITHDRAW -> RegistrationLifecycle.withdraw(current, WITHDRAWAL);
            case EXPIRE -> RegistrationLifecycle.expire(current, DAY_AFTER_END);
            case RENEW -> RegistrationLifecycle.renew(current, renewal().build()).replaced();
        };
    }

    /** The full matrix: every action from every status; the reason when refused, or the status reached. */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "REQUESTED, REQUEST, request-pending",
            "REQUESTED, DECIDE, REGISTERED",
            "REQUESTED, WITHDRAW, not-registered",
            "REQUESTED, EXPIRE, not-registered",
            "REQUESTED, RENEW, not-registered",
            "REGISTERED, REQUEST, already-registered",
            "REGISTERED, DECIDE, already-decided",
            "REGISTERED, WITHDRAW, WITHDRAWN",
            "REGISTERED, EXPIRE, EXPIRED",
            "REGISTERED, RENEW, REPLACED",
            "REFUSED, REQUEST, REQUESTED",
            "REFUSED, DECIDE, already-decided",
            "REFUSED, WITHDRAW, not-registered",
            "REFUSED, EXPIRE, not-registered",
            "REFUSED, RENEW, not-registered",
            "WITHDRAWN, REQUEST, REQUESTED",
            "WITHDRAWN, DECIDE, already-decided",
            "WITHDRAWN, WITHDRAW, already-withdrawn",
            "WITHDRAWN, EXPIRE, no-longer-registered",
            "WITHDRAWN, RENEW, no-longer-registered",
            "EXPIRED, REQUEST, REQUESTED",
            "EXPIRED, DECIDE, already-decided",
            "EXPIRED, WITHDRAW, no-longer-registered",
            "EXPIRED, EXPIRE, already-expired",
            "EXPIRED, RENEW, REPLACED",
            "REPLACED, REQUEST, REQUESTED",
            "REPLACED, DECIDE, already-decided",
            "REPLACED, WITHDRAW, no-longer-registered",
            "REPLACED, EXPIRE, no-longer-registered",
            "REPLACED, RENEW, already-replaced"})
    void everyActionFromEveryStatus(RegistrationStatus status, RegistrationAction action, String expected) {
        boolean allowed = expected.equals(expected.toUpperCase());
        assertThat(RegistrationLifecycle.allows(status, action)).isEqualTo(allowed);
        if (allowed) {
            assertThatCode(() -> RegistrationLifecycle.check(status, action)).doesNotThrowAnyException();
            assertThat(attempt(status, action).status()).isEqualTo(RegistrationStatus.valueOf(expected));
        } else {
            for (Runnable refused : List.<Runnable>of(() -> RegistrationLifecycle.check(status, action),
                    () -> attempt(status, action))) {
                assertThatThrownBy(refused::run).isInstanceOfSatisfying(TransitionException.class, e -> {
                    assertThat(e.currentStatus()).isEqualTo(status);
                    assertThat(e.attempted()).isEqualTo(action);
                    assertThat(e.reason()).isEqualTo(expected);
                    assertThat(e.getMessage()).contains("registration is " + status);
                });
            }
        }
    }

    @Test
    void theMatrixCoversEveryStatusAndAction() {
        // 6 statuses × 5 actions = the 30 rows above; a new status or action must be added to the matrix
        assertThat(RegistrationStatus.values()).hasSize(6);
        assertThat(RegistrationAction.values()).hasSize(5);
        List<String> allowed = new ArrayList<>();
        for (RegistrationStatus status : RegistrationStatus.values()) {
            for (RegistrationAction action : RegistrationAction.values()) {
                if (RegistrationLifecycle.allows(status, action)) {
                    allowed.add(status + " " + action);
                }
            }
        }
        assertThat(allowed).containsExactly("REQUESTED DECIDE", "REGISTERED WITHDRAW", "REGISTERED EXPIRE",
                "REGISTERED RENEW", "REFUSED REQUEST", "WITHDRAWN REQUEST", "EXPIRED REQUEST", "EXPIRED RENEW",
                "REPLACED REQUEST");
    }

    @Test
    void theMessageSaysWhatCannotBeDone() {
        assertThatThrownBy(() -> RegistrationLifecycle.withdraw(inStatus(REFUSED), WITHDRAWAL))
                .hasMessageStartingWith("The registration is REFUSED: it cannot be withdrawn");
        assertThatThrownBy(() -> RegistrationLifecycle.renew(inStatus(WITHDRAWN), renewal().build()))
                .hasMessageContaining("registration is WITHDRAWN: it cannot be renewed").hasMessageContaining("final");
        assertThatThrownBy(() -> RegistrationLifecycle.withdraw(inStatus(EXPIRED), WITHDRAWAL))
                .hasMessageContaining("Renew it instead");
        assertThatThrownBy(() -> RegistrationLifecycle.expire(inStatus(REPLACED), DAY_AFTER_END))
                .hasMessageContaining("successor");
    }

    @Test
    void theArgumentsAreRequired() {
        assertThatThrownBy(() -> RegistrationLifecycle.allows(null, RegistrationAction.DECIDE))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RegistrationLifecycle.allows(REQUESTED, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RegistrationLifecycle.decide(null, rncp().build()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RegistrationLifecycle.decide(requested(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RegistrationLifecycle.withdraw(registered(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RegistrationLifecycle.expire(registered(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RegistrationLifecycle.renew(registered(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RegistrationLifecycle.request(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RegistrationLifecycle.registrationInForce(registered(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RegistrationLifecycle.isDueForExpiry(null, DAY_AFTER_END))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theStatusIsCheckedBeforeTheBody() {
        assertThatThrownBy(() -> RegistrationLifecycle.decide(registered(), null))
                .isInstanceOfSatisfying(TransitionException.class,
                        e -> assertThat(e.reason()).isEqualTo("already-decided"));
        assertThatThrownBy(() -> RegistrationLifecycle.renew(inStatus(REFUSED), Decision.refused(DAY_AFTER_END)))
                .isInstanceOf(TransitionException.class);
    }

    @Nested
    class Request {

        @Test
        void makesARequestedRegistration() {
            assertThat(RegistrationLifecycle.request(new RegistrationRequest(Directory.RS, date("2019-03-10"))))
                    .isEqualTo(new Registration(REQUESTED, Directory.RS, date("2019-03-10"), null, null, null, null,
                            null, null, null, List.of(), null, null, null, null));
        }

        @ParameterizedTest(name = "{0} in the RNCP, new request in the RS")
        @EnumSource(RegistrationStatus.class)
        void theOtherDirectoryDoesNotCount(RegistrationStatus status) {
            assertThatCode(() -> RegistrationLifecycle.checkRequest(Directory.RS, List.of(inStatus(status))))
                    .doesNotThrowAnyException();
        }

        @Test
        void everyExistingRegistrationOfTheDirectoryCounts() {
            List<Registration> history = List.of(inStatus(REFUSED), inStatus(EXPIRED), inStatus(REGISTERED));
            assertThatThrownBy(() -> RegistrationLifecycle.checkRequest(Directory.RNCP, history))
                    .isInstanceOfSatisfying(TransitionException.class, e -> {
                        assertThat(e.currentStatus()).isEqualTo(REGISTERED);
                        assertThat(e.attempted()).isEqualTo(RegistrationAction.REQUEST);
                        assertThat(e.reason()).isEqualTo("already-registered");
                        assertThat(e.getMessage()).contains("renew");
                    });
            assertThatCode(() -> RegistrationLifecycle.checkRequest(Directory.RNCP, List.of(inStatus(REFUSED),
                    inStatus(WITHDRAWN), inStatus(EXPIRED), inStatus(REPLACED)))).doesNotThrowAnyException();
        }

        @Test
        void noRegistrationYetAllowsARequest() {
            assertThatCode(() -> RegistrationLifecycle.checkRequest(Directory.RNCP, List.of()))
                    .doesNotThrowAnyException();
            assertThatCode(() -> RegistrationLifecycle.checkRequest(Directory.RNCP, null)).doesNotThrowAnyException();
            assertThatThrownBy(() -> RegistrationLifecycle.checkRequest(null, List.of()))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Decide {

        @Test
        void aRegistrationCarriesTheDecision() {
            Decision decision = rncp().awardDeadline("2025-06-14").build();
            Registration registered = RegistrationLifecycle.decide(requested(), decision);
            assertThat(registered).isEqualTo(new Registration(REGISTERED, Directory.RNCP, date("2019-03-10"),
                    "RNCP99001", RegistrationType.ON_REQUEST, date("2019-06-01"), date("2019-06-15"),
                    date("2024-06-14"), 4, date("2025-06-14"), decision.blocks(), null, null, null, null));
        }

        @Test
        void aRefusalCarriesItsDateOnly() {
            assertThat(RegistrationLifecycle.decide(requested(), Decision.refused(date("2019-06-01"))))
                    .isEqualTo(new Registration(REFUSED, Directory.RNCP, date("2019-03-10"), null, null,
                            date("2019-06-01"), null, null, null, null, null, null, null, null, null));
        }

        @Test
        void aDecisionWithoutOutcomeIsABugOfTheCaller() {
            Decision noOutcome = rncp().outcome(null).build();
            assertThatThrownBy(() -> RegistrationLifecycle.decide(requested(), noOutcome))
                    .isInstanceOf(IllegalArgumentException.class);
            Decision incomplete = rncp().code(null).build();
            assertThatThrownBy(() -> RegistrationLifecycle.decide(requested(), incomplete))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void theRequestIsNotChanged() {
            Registration request = requested();
            RegistrationLifecycle.decide(request, rncp().build());
            assertThat(request.status()).isEqualTo(REQUESTED);
        }
    }

    @Nested
    class Withdraw {

        @Test
        void keepsTheRegistrationAndAddsTheWithdrawal() {
            Registration registered = registered();
            Registration withdrawn = RegistrationLifecycle.withdraw(registered, WITHDRAWAL);
            assertThat(withdrawn.status()).isEqualTo(WITHDRAWN);
            assertThat(withdrawn.withdrawnOn()).isEqualTo(date("2021-01-01"));
            assertThat(withdrawn.withdrawalReason()).isEqualTo("Retrait à la demande de la CPNE");
            assertThat(withdrawn).usingRecursiveComparison()
                    .ignoringFields("status", "withdrawnOn", "withdrawalReason").isEqualTo(registered);
        }

        @Test
        void aSuccessorKeepsItsPredecessorWhenWithdrawn() {
            Registration successor = RegistrationLifecycle.renew(registered(), renewal().build()).successor();
            assertThat(RegistrationLifecycle.withdraw(successor, new Withdrawal(date("2025-01-01"), "r"))
                    .predecessorCode()).isEqualTo("RNCP99001");
        }
    }

    @Nested
    class Expire {

        @ParameterizedTest(name = "ends 2024-06-14, today {0}: due {1}")
        @CsvSource({
                "2019-06-15, false",
                "2024-06-13, false",
                "2024-06-14, false",
                "2024-06-15, true",
                "2024-06-16, true",
                "2030-01-01, true"})
        void expiresTheDayAfterTheEndDate(LocalDate today, boolean due) {
            Registration registered = registered();
            assertThat(RegistrationLifecycle.isDueForExpiry(registered, today)).isEqualTo(due);
            if (due) {
                Registration expired = RegistrationLifecycle.expire(registered, today);
                assertThat(expired.status()).isEqualTo(EXPIRED);
                assertThat(expired).usingRecursiveComparison().ignoringFields("status").isEqualTo(registered);
            } else {
                assertThatThrownBy(() -> RegistrationLifecycle.expire(registered, today))
                        .isInstanceOfSatisfying(TransitionException.class, e -> {
                            assertThat(e.reason()).isEqualTo("not-due");
                            assertThat(e.currentStatus()).isEqualTo(REGISTERED);
                            assertThat(e.attempted()).isEqualTo(RegistrationAction.EXPIRE);
                            assertThat(e.getMessage()).contains("registration is REGISTERED", "2024-06-14",
                                    "2024-06-15", today.toString());
                        });
            }
        }

        @ParameterizedTest
        @EnumSource(value = RegistrationStatus.class, names = "REGISTERED", mode = EnumSource.Mode.EXCLUDE)
        void onlyARegisteredRegistrationIsDue(RegistrationStatus status) {
            assertThat(RegistrationLifecycle.isDueForExpiry(inStatus(status), date("2099-01-01"))).isFalse();
        }

        @Test
        void theEndOfAMonthAndALeapDay() {
            Registration endOfFebruary = Fixtures.registered("2019-03-01", "2024-02-28");
            assertThat(RegistrationLifecycle.isDueForExpiry(endOfFebruary, date("2024-02-28"))).isFalse();
            assertThat(RegistrationLifecycle.isDueForExpiry(endOfFebruary, date("2024-02-29"))).isTrue();
            Registration endOfYear = Fixtures.registered("2019-01-01", "2023-12-31");
            assertThat(RegistrationLifecycle.isDueForExpiry(endOfYear, date("2023-12-31"))).isFalse();
            assertThat(RegistrationLifecycle.isDueForExpiry(endOfYear, date("2024-01-01"))).isTrue();
        }
    }

    @Nested
    class Renew {

        @ParameterizedTest
        @EnumSource(value = RegistrationStatus.class, names = {"REGISTERED", "EXPIRED"})
        void replacesThePredecessorAndRegistersTheSuccessor(RegistrationStatus status) {
            Registration predecessor = inStatus(status);
            Decision decision = renewal().build();
            Renewal renewal = RegistrationLifecycle.renew(predecessor, decision);

            assertThat(renewal.replaced().status()).isEqualTo(REPLACED);
            assertThat(renewal.replaced().successorCode()).isEqualTo("RNCP99002");
            assertThat(renewal.replaced()).usingRecursiveComparison().ignoringFields("status", "successorCode")
                    .isEqualTo(predecessor);

            assertThat(renewal.successor()).isEqualTo(new Registration(REGISTERED, Directory.RNCP, null, "RNCP99002",
                    RegistrationType.ON_REQUEST, date("2024-05-15"), date("2024-06-15"), date("2029-06-14"), 4, null,
                    decision.blocks(), null, null, "RNCP99001", null));
        }

        @Test
        void theChainIsNavigableBothWays() {
            Renewal first = RegistrationLifecycle.renew(registered(), renewal().build());
            Renewal second = RegistrationLifecycle.renew(first.successor(), renewal().code("RNCP99003")
                    .decidedOn("2029-05-15").effectiveFrom("2029-06-15").endsOn("2034-06-14")
                    .blocks(new Block("RNCP99003BC01", "T")).build());
            assertThat(second.replaced().code()).isEqualTo("RNCP99002");
            assertThat(second.replaced().predecessorCode()).isEqualTo("RNCP99001");
            assertThat(second.replaced().successorCode()).isEqualTo("RNCP99003");
            assertThat(second.successor().predecessorCode()).isEqualTo("RNCP99002");
            assertThat(second.successor().successorCode()).isNull();
        }

        @Test
        void theSuccessorMayKeepTheCode() {
            Renewal renewal = RegistrationLifecycle.renew(registered(), renewal().code("RNCP99001")
                    .blocks(new Block("RNCP99001BC01", "T")).build());
            assertThat(renewal.replaced().successorCode()).isEqualTo("RNCP99001");
            assertThat(renewal.successor().predecessorCode()).isEqualTo("RNCP99001");
        }

        @Test
        void aRefusedRenewalIsABugOfTheCaller() {
            assertThatThrownBy(() -> RegistrationLifecycle.renew(registered(), Decision.refused(date("2024-05-15"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REGISTERED");
            assertThatThrownBy(() -> RegistrationLifecycle.renew(registered(), renewal().outcome(null).build()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aRenewalNeedsBothStates() {
            assertThatThrownBy(() -> new Renewal(null, registered())).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new Renewal(registered(), null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class InForce {

        /** Registered from 2019-06-15 to 2024-06-14. */
        @ParameterizedTest(name = "on {0}: {1}")
        @CsvSource({
                "2019-06-14, false",
                "2019-06-15, true",
                "2019-06-16, true",
                "2024-06-13, true",
                "2024-06-14, true",
                "2024-06-15, false",
                "2030-01-01, false"})
        void fromTheEffectiveDateToTheEndDateIncluded(LocalDate date, boolean inForce) {
            assertThat(RegistrationLifecycle.registrationInForce(registered(), date)).isEqualTo(inForce);
        }

        /** Withdrawn from 2021-01-01: the withdrawal's effectiveOn is the first day out of force. */
        @ParameterizedTest(name = "withdrawn from 2021-01-01, on {0}: {1}")
        @CsvSource({
                "2019-06-14, false",
                "2019-06-15, true",
                "2020-12-31, true",
                "2021-01-01, false",
                "2021-01-02, false",
                "2024-06-14, false"})
        void untilTheDayBeforeTheWithdrawal(LocalDate date, boolean inForce) {
            assertThat(RegistrationLifecycle.registrationInForce(inStatus(WITHDRAWN), date)).isEqualTo(inForce);
        }

        @Test
        void aWithdrawalOnTheFirstDayMeansNeverInForce() {
            Registration withdrawn = RegistrationLifecycle.withdraw(registered(),
                    new Withdrawal(date("2019-06-15"), "r"));
            assertThat(RegistrationLifecycle.registrationInForce(withdrawn, date("2019-06-15"))).isFalse();
        }

        @Test
        void aWithdrawalOnTheLastDayOnlyRemovesTheLastDay() {
            Registration withdrawn = RegistrationLifecycle.withdraw(registered(),
                    new Withdrawal(date("2024-06-14"), "r"));
            assertThat(RegistrationLifecycle.registrationInForce(withdrawn, date("2024-06-13"))).isTrue();
            assertThat(RegistrationLifecycle.registrationInForce(withdrawn, date("2024-06-14"))).isFalse();
        }

        @ParameterizedTest
        @EnumSource(value = RegistrationStatus.class, names = {"REQUESTED", "REFUSED"})
        void nothingRegisteredIsNeverInForce(RegistrationStatus status) {
            for (String date : List.of("2019-03-10", "2019-06-01", "2019-06-15", "2022-01-01")) {
                assertThat(RegistrationLifecycle.registrationInForce(inStatus(status), date(date))).isFalse();
            }
        }

        @ParameterizedTest
        @EnumSource(value = RegistrationStatus.class, names = {"REGISTERED", "EXPIRED", "REPLACED"})
        void theDatesDecideNotTheStatus(RegistrationStatus status) {
            Registration registration = inStatus(status);
            assertThat(RegistrationLifecycle.registrationInForce(registration, date("2022-01-01"))).isTrue();
            assertThat(RegistrationLifecycle.registrationInForce(registration, date("2024-06-14"))).isTrue();
            assertThat(RegistrationLifecycle.registrationInForce(registration, date("2024-06-15"))).isFalse();
        }

        @Test
        void anEarlyRenewalOverlapsItsPredecessor() {
            Renewal renewal = RegistrationLifecycle.renew(registered(), renewal().effectiveFrom("2024-01-01")
                    .endsOn("2028-12-31").build());
            Function<String, List<Boolean>> both = date -> List.of(
                    RegistrationLifecycle.registrationInForce(renewal.replaced(), date(date)),
                    RegistrationLifecycle.registrationInForce(renewal.successor(), date(date)));
            assertThat(both.apply("2023-12-31")).containsExactly(true, false);
            assertThat(both.apply("2024-01-01")).containsExactly(true, true);
            assertThat(both.apply("2024-06-14")).containsExactly(true, true);
            assertThat(both.apply("2024-06-15")).containsExactly(false, true);
        }
    }
}
