package org.cqpsuite.registration.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/**
 * The lifecycle of a registration in the RNCP or the RS as a state machine; refusals are {@link TransitionException}s
 * (409 problem+json naming the current status).
 *
 * <pre>
 *   (request) ──▶ REQUESTED ──decide──▶ REGISTERED ──withdraw──▶ WITHDRAWN
 *                     └──decide──▶ REFUSED   │  └──expire──▶ EXPIRED
 *                                            └──renew──▶ REPLACED ◀──renew──┘
 * </pre>
 *
 * <table>
 * <caption>What each status allows (reason code of the refusal otherwise)</caption>
 * <tr><th>status</th><th>request (same directory)</th><th>decide</th><th>withdraw</th><th>expire</th><th>renew</th></tr>
 * <tr><td>REQUESTED</td><td>{@code request-pending}</td><td>yes</td><td>{@code not-registered}</td>
 * <td>{@code not-registered}</td><td>{@code not-registered}</td></tr>
 * <tr><td>REGISTERED</td><td>{@code already-registered}</td><td>{@code already-decided}</td><td>yes</td>
 * <td>yes, from the day after endsOn ({@code not-due} before)</td><td>yes</td></tr>
 * <tr><td>REFUSED</td><td>yes</td><td>{@code already-decided}</td><td>{@code not-registered}</td>
 * <td>{@code not-registered}</td><td>{@code not-registered}</td></tr>
 * <tr><td>WITHDRAWN</td><td>yes</td><td>{@code already-decided}</td><td>{@code already-withdrawn}</td>
 * <td>{@code no-longer-registered}</td><td>{@code no-longer-registered}</td></tr>
 * <tr><td>EXPIRED</td><td>yes</td><td>{@code already-decided}</td><td>{@code no-longer-registered}</td>
 * <td>{@code already-expired}</td><td>yes</td></tr>
 * <tr><td>REPLACED</td><td>yes</td><td>{@code already-decided}</td><td>{@code no-longer-registered}</td>
 * <td>{@code no-longer-registered}</td><td>{@code already-replaced}</td></tr>
 * </table>
 *
 * <p>Decisions where the issue was silent:
 * <ul>
 * <li>An EXPIRED registration may be renewed: CPNEs often file the renewal late, and the successor then simply starts
 * after a gap. A WITHDRAWN one may not: a withdrawal is a sanction or a renunciation, and coming back is a new
 * request.</li>
 * <li>A new request is refused while a registration of the same directory is REQUESTED (wait for the decision) or
 * REGISTERED (renew it instead); registrations of the other directory are not looked at, so that a CQP registered in
 * the RS may ask for the RNCP. After a refusal, a withdrawal, an expiry or a replacement, a new request is allowed.</li>
 * <li>The date rules of the bodies are {@link RegistrationRules}'; the methods here only check the status (and, for
 * expiry, the date), then build the new state: validate first.</li>
 * </ul>
 */
public final class RegistrationLifecycle {

    public static final String REQUEST_PENDING = "request-pending";
    public static final String ALREADY_REGISTERED = "already-registered";
    public static final String ALREADY_DECIDED = "already-decided";
    public static final String NOT_REGISTERED = "not-registered";
    public static final String NO_LONGER_REGISTERED = "no-longer-registered";
    public static final String ALREADY_WITHDRAWN = "already-withdrawn";
    public static final String ALREADY_EXPIRED = "already-expired";
    public static final String ALREADY_REPLACED = "already-replaced";
    public static final String NOT_DUE = "not-due";

    private RegistrationLifecycle() {
    }

    /**
     * Whether the status allows the action. For {@link RegistrationAction#REQUEST}, the status is that of an existing
     * registration of the same directory; for {@link RegistrationAction#EXPIRE}, the date is checked too (see
     * {@link #expire}).
     */
    public static boolean allows(RegistrationStatus status, RegistrationAction action) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(action, "action");
        return switch (action) {
            case REQUEST -> status != RegistrationStatus.REQUESTED && status != RegistrationStatus.REGISTERED;
            case DECIDE -> status == RegistrationStatus.REQUESTED;
            case WITHDRAW, EXPIRE -> status == RegistrationStatus.REGISTERED;
            case RENEW -> status == RegistrationStatus.REGISTERED || status == RegistrationStatus.EXPIRED;
        };
    }

    /** Throws unless the status allows the action, with the reason code of the refusal. */
    public static void check(RegistrationStatus status, RegistrationAction action) {
        if (allows(status, action)) {
            return;
        }
        String is = "The registration is " + status + ": ";
        String cannot = is + "it cannot be " + action.participle();
        throw switch (action) {
            case REQUEST -> status == RegistrationStatus.REQUESTED
                    ? refusal(status, action, REQUEST_PENDING, "A registration is REQUESTED in this directory: wait "
                            + "for France compétences' decision before filing another request (the registration is "
                            + "REQUESTED).")
                    : refusal(status, action, ALREADY_REGISTERED, "A registration is REGISTERED in this directory: "
                            + "renew it rather than filing a new request (the registration is REGISTERED).");
            case DECIDE -> refusal(status, action, ALREADY_DECIDED, is + "it was already decided; a decision is "
                    + "recorded once, on a REQUESTED registration. A new decision needs a new request.");
            case WITHDRAW, EXPIRE, RENEW -> switch (status) {
                case REQUESTED -> refusal(status, action, NOT_REGISTERED,
                        cannot + " before France compétences has decided to register it.");
                case REFUSED -> refusal(status, action, NOT_REGISTERED,
                        cannot + ": it was never registered. File a new request instead.");
                case WITHDRAWN -> action == RegistrationAction.WITHDRAW
                        ? refusal(status, action, ALREADY_WITHDRAWN, is + "it is already withdrawn.")
                        : refusal(status, action, NO_LONGER_REGISTERED, cannot
                                + ": a withdrawal is final. File a new request instead.");
                case EXPIRED -> action == RegistrationAction.EXPIRE
                        ? refusal(status, action, ALREADY_EXPIRED, is + "it has already expired.")
                        : refusal(status, action, NO_LONGER_REGISTERED, cannot
                                + ": it has ended on its end date. Renew it instead.");
                case REPLACED -> action == RegistrationAction.RENEW
                        ? refusal(status, action, ALREADY_REPLACED, is + "it has already been renewed; renew its "
                                + "successor instead.")
                        : refusal(status, action, NO_LONGER_REGISTERED, cannot
                                + ": it has been renewed; act on its successor instead.");
                case REGISTERED -> throw new IllegalStateException("REGISTERED allows " + action);
            };
        };
    }

    private static TransitionException refusal(RegistrationStatus status, RegistrationAction action, String reason,
            String message) {
        return new TransitionException(status, action, reason, message);
    }

    /**
     * Throws unless a new request in {@code directory} is allowed given the certification's existing registrations
     * (any status, any directory: only those of {@code directory} count).
     */
    public static void checkRequest(Directory directory, Collection<Registration> existing) {
        Objects.requireNonNull(directory, "directory");
        if (existing == null) {
            return;
        }
        for (Registration registration : existing) {
            if (registration.directory() == directory) {
                check(registration.status(), RegistrationAction.REQUEST);
            }
        }
    }

    /**
     * A new registration REQUESTED (demande d'enregistrement by the CPNE). Validate the request with
     * {@link RegistrationRules#validateRequest} (a transmission must precede it) and call {@link #checkRequest} first.
     */
    public static Registration request(RegistrationRequest request) {
        Objects.requireNonNull(request, "request");
        return Registration.requested(request.directory(), request.requestedOn());
    }

    /**
     * REQUESTED → REGISTERED (after the commission's assent, avis conforme, for a registration on request) or REFUSED,
     * as the decision says. Validate with {@link RegistrationRules#validateDecision} first.
     *
     * @throws IllegalArgumentException when the decision has no outcome or lacks what its outcome needs
     */
    public static Registration decide(Registration current, Decision decision) {
        Objects.requireNonNull(current, "current");
        check(current.status(), RegistrationAction.DECIDE);
        Objects.requireNonNull(decision, "decision");
        if (decision.outcome() == null) {
            throw new IllegalArgumentException("A decision needs an outcome");
        }
        return switch (decision.outcome()) {
            case REFUSED -> new Registration(RegistrationStatus.REFUSED, current.directory(), current.requestedOn(),
                    null, null, decision.decidedOn(), null, null, null, null, null, null, null, null, null, null);
            case REGISTERED -> registered(current.directory(), current.requestedOn(), decision, null);
        };
    }

    /**
     * REGISTERED → WITHDRAWN (retrait). The status changes when the withdrawal is recorded, even when it takes effect
     * later: {@link #registrationInForce} follows the date. Validate with {@link RegistrationRules#validateWithdrawal}
     * first.
     */
    public static Registration withdraw(Registration current, Withdrawal withdrawal) {
        Objects.requireNonNull(current, "current");
        check(current.status(), RegistrationAction.WITHDRAW);
        Objects.requireNonNull(withdrawal, "withdrawal");
        return new Registration(RegistrationStatus.WITHDRAWN, current.directory(), current.requestedOn(),
                current.code(), current.registrationType(), current.decidedOn(), current.effectiveFrom(),
                current.endsOn(), current.level(), current.awardDeadline(), current.blocks(), withdrawal.effectiveOn(),
                withdrawal.reason(), current.predecessorCode(), current.successorCode(), current.legalBasis());
    }

    /**
     * Whether the expiry job should expire the registration: REGISTERED and {@code today} after its end date (never
     * for a registration by right without end).
     */
    public static boolean isDueForExpiry(Registration registration, LocalDate today) {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(today, "today");
        return registration.status() == RegistrationStatus.REGISTERED && registration.endsOn() != null
                && today.isAfter(registration.endsOn());
    }

    /**
     * REGISTERED → EXPIRED, from the day after the end date ("the fiche becomes inactive the day after the end date";
     * refused with {@code not-due} on the end date itself and before).
     *
     * @param today the date in Europe/Paris (French calendar days)
     */
    public static Registration expire(Registration current, LocalDate today) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(today, "today");
        check(current.status(), RegistrationAction.EXPIRE);
        if (!isDueForExpiry(current, today)) {
            throw refusal(current.status(), RegistrationAction.EXPIRE, NOT_DUE, "The registration is REGISTERED until "
                    + "its end date " + current.endsOn() + ": it expires on " + current.expiresOn() + ", not on "
                    + today + ".");
        }
        return current.withStatus(RegistrationStatus.EXPIRED);
    }

    /**
     * REGISTERED or EXPIRED → REPLACED, and a successor REGISTERED in the same directory with the decision's fields
     * (usually a new code), the two linked by {@code successorCode} and {@code predecessorCode}. The successor has no
     * request date: the renewal body is a decision. The replaced registration keeps its dates: it stays in force until
     * its own end date, so that an early renewal overlaps rather than cuts it short. Validate with
     * {@link RegistrationRules#validateRenewal} first.
     *
     * @throws IllegalArgumentException when the decision is not a registration
     */
    public static Renewal renew(Registration current, Decision successorDecision) {
        Objects.requireNonNull(current, "current");
        check(current.status(), RegistrationAction.RENEW);
        Objects.requireNonNull(successorDecision, "successorDecision");
        if (successorDecision.outcome() != Outcome.REGISTERED) {
            throw new IllegalArgumentException("A renewal registers a successor: its outcome must be REGISTERED, got "
                    + successorDecision.outcome());
        }
        Registration successor = registered(current.directory(), null, successorDecision, current.code());
        Registration replaced = new Registration(RegistrationStatus.REPLACED, current.directory(),
                current.requestedOn(), current.code(), current.registrationType(), current.decidedOn(),
                current.effectiveFrom(), current.endsOn(), current.level(), current.awardDeadline(), current.blocks(),
                null, null, current.predecessorCode(), successor.code(), current.legalBasis());
        return new Renewal(replaced, successor);
    }

    private static Registration registered(Directory directory, LocalDate requestedOn, Decision decision,
            String predecessorCode) {
        return new Registration(RegistrationStatus.REGISTERED, directory, requestedOn, decision.code(),
                decision.registrationType(), decision.decidedOn(), decision.effectiveFrom(), decision.endsOn(),
                decision.level(), decision.awardDeadline(), decision.blocks(), null, null, predecessorCode, null, null);
    }

    /**
     * Whether the registration is in force on {@code date}: it was registered, {@code effectiveFrom ≤ date ≤ endsOn},
     * and not withdrawn on or before {@code date} (a withdrawal's {@code effectiveOn} is its first day out of force).
     * Dates decide, not the status: a registration recorded EXPIRED or REPLACED was in force on the dates it covered,
     * and one REGISTERED past its end date (the expiry job not run yet) is not in force. eligibility-service keeps its
     * own version from the events; this one serves expiry and tests.
     */
    public static boolean registrationInForce(Registration registration, LocalDate date) {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(date, "date");
        if (!registration.status().wasRegistered()) {
            return false;
        }
        if (date.isBefore(registration.effectiveFrom())
                || registration.endsOn() != null && date.isAfter(registration.endsOn())) {
            return false;
        }
        return registration.withdrawnOn() == null || date.isBefore(registration.withdrawnOn());
    }
}
