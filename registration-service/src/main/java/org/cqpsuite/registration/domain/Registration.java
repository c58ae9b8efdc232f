package org.cqpsuite.registration.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The state of one registration of a CQP in the RNCP or the RS, after one step of its lifecycle. Immutable and id-free:
 * each transition of {@link RegistrationLifecycle} returns a new state, which a service stores as a new row of the
 * registration's history (append-only) keyed by its own ids. Every component maps to one column, except {@code blocks}
 * (a child table or a JSON column).
 *
 * <p>The constructor enforces what each status carries, so that a state read back from rows is consistent:
 * <ul>
 * <li>always: {@code status}, {@code directory};</li>
 * <li>REQUESTED: {@code requestedOn}; no decision fields;</li>
 * <li>REFUSED: {@code decidedOn}; no other decision field;</li>
 * <li>REGISTERED, WITHDRAWN, EXPIRED, REPLACED: {@code code} (or, for a registration known from an official order
 * that does not give its code, {@code legalBasis} instead), {@code registrationType}, {@code decidedOn},
 * {@code effectiveFrom}, and {@code endsOn} unless the registration is {@link RegistrationType#BY_RIGHT} and not
 * EXPIRED (a registration by right may have no end: the directory importer records such fiches; the API's decisions
 * always give one, see {@link RegistrationRules}). Level, award deadline and blocks stay optional here: their rules
 * depend on the directory and the decision date;</li>
 * <li>WITHDRAWN, and only it: {@code withdrawnOn} and {@code withdrawalReason};</li>
 * <li>REQUESTED and REFUSED: no {@code legalBasis} (the text that registered it);</li>
 * <li>REPLACED: {@code successorCode} (the code of the registration that renewed it). Other registered statuses may
 * carry one too: the code of the certification that follows this one in the directory, as the directory importer
 * finds it; REQUESTED and REFUSED never.</li>
 * </ul>
 * {@code requestedOn} is {@code null} for a successor made by a renewal (the public renewal body is a decision and has
 * no request date) and for a registration found by the directory importer. Input rules ({@link RegistrationRules},
 * {@link DirectoryImportRules}) are not re-checked here.
 *
 * @param status where the registration stands
 * @param directory RNCP or RS
 * @param requestedOn the date of the CPNE's request; {@code null} for a successor registered by a renewal
 * @param code the registration code ({@code RNCP99001})
 * @param registrationType on request (sur demande) or by right (de droit)
 * @param decidedOn the date of the decision (registration or refusal)
 * @param effectiveFrom the first day of the registration
 * @param endsOn the last day of the registration; inactive from the day after; {@code null} only for a registration
 *        by right without end
 * @param level the qualification level 1 to 8, or {@code null}
 * @param awardDeadline the last day the certification may still be awarded, or {@code null}
 * @param blocks the skills blocks (RNCP), never {@code null}
 * @param withdrawnOn the first day on which a withdrawn registration is no longer in force
 * @param withdrawalReason why it was withdrawn
 * @param predecessorCode the code of the registration this one renews, or {@code null}
 * @param successorCode the code of the registration that renewed this one (required when REPLACED), or of the
 *        certification that follows this one in the directory (from the directory importer)
 * @param legalBasis the official text that registered it ({@code Arrêté du 20 janvier 2014 (NOR ETSD1401196A)}), when
 *        the directory importer knows it, else {@code null}; stands in for {@code code} when the order does not give it
 */
public record Registration(RegistrationStatus status, Directory directory, LocalDate requestedOn, String code,
        RegistrationType registrationType, LocalDate decidedOn, LocalDate effectiveFrom, LocalDate endsOn,
        Integer level, LocalDate awardDeadline, List<Block> blocks, LocalDate withdrawnOn, String withdrawalReason,
        String predecessorCode, String successorCode, String legalBasis) {

    public Registration {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(directory, "directory");
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        if (status == RegistrationStatus.REQUESTED) {
            requireNonNull(requestedOn, "requestedOn", status);
            requireNull(decidedOn, "decidedOn", status);
        } else {
            requireNonNull(decidedOn, "decidedOn", status);
        }
        if (status.wasRegistered()) {
            if (code == null && legalBasis == null) {
                throw new IllegalArgumentException("A " + status + " registration needs code (or, when the order that "
                        + "registered it does not give it, legalBasis)");
            }
            requireNonNull(registrationType, "registrationType", status);
            requireNonNull(effectiveFrom, "effectiveFrom", status);
            if (registrationType != RegistrationType.BY_RIGHT || status == RegistrationStatus.EXPIRED) {
                requireNonNull(endsOn, "endsOn", status);
            }
        } else {
            requireNull(code, "code", status);
            requireNull(registrationType, "registrationType", status);
            requireNull(effectiveFrom, "effectiveFrom", status);
            requireNull(endsOn, "endsOn", status);
            requireNull(level, "level", status);
            requireNull(awardDeadline, "awardDeadline", status);
            if (!blocks.isEmpty()) {
                throw new IllegalArgumentException("A " + status + " registration has no blocks");
            }
            requireNull(predecessorCode, "predecessorCode", status);
            requireNull(successorCode, "successorCode", status);
            requireNull(legalBasis, "legalBasis", status);
        }
        if (status == RegistrationStatus.WITHDRAWN) {
            requireNonNull(withdrawnOn, "withdrawnOn", status);
            if (Values.blank(withdrawalReason)) {
                throw new IllegalArgumentException("A WITHDRAWN registration needs a withdrawalReason");
            }
        } else {
            requireNull(withdrawnOn, "withdrawnOn", status);
            requireNull(withdrawalReason, "withdrawalReason", status);
        }
        if (status == RegistrationStatus.REPLACED) {
            requireNonNull(successorCode, "successorCode", status);
        }
    }

    /** A registration without legal basis: every one but those the directory importer knows from an order. */
    public Registration(RegistrationStatus status, Directory directory, LocalDate requestedOn, String code,
            RegistrationType registrationType, LocalDate decidedOn, LocalDate effectiveFrom, LocalDate endsOn,
            Integer level, LocalDate awardDeadline, List<Block> blocks, LocalDate withdrawnOn, String withdrawalReason,
            String predecessorCode, String successorCode) {
        this(status, directory, requestedOn, code, registrationType, decidedOn, effectiveFrom, endsOn, level,
                awardDeadline, blocks, withdrawnOn, withdrawalReason, predecessorCode, successorCode, null);
    }

    /** A new request: status REQUESTED, nothing decided yet. */
    public static Registration requested(Directory directory, LocalDate requestedOn) {
        return new Registration(RegistrationStatus.REQUESTED, directory, requestedOn, null, null, null, null, null,
                null, null, List.of(), null, null, null, null, null);
    }

    /**
     * How messages name it: its code, or, for a registration known from an order that does not give it, the order
     * ({@code "Arrêté du 20 janvier 2014 (NOR ETSD1401196A)"}); {@code null} when neither is known (not registered).
     */
    public String designation() {
        return code != null ? code : legalBasis == null ? null : '"' + legalBasis + '"';
    }

    /**
     * The first day on which the registration is inactive because of its end date: the day after {@code endsOn}
     * ("the fiche becomes inactive the day after the end date"); {@code null} when nothing was registered, and for a
     * registration by right without end.
     */
    public LocalDate expiresOn() {
        return endsOn == null ? null : endsOn.plusDays(1);
    }

    Registration withStatus(RegistrationStatus newStatus) {
        return new Registration(newStatus, directory, requestedOn, code, registrationType, decidedOn, effectiveFrom,
                endsOn, level, awardDeadline, blocks, withdrawnOn, withdrawalReason, predecessorCode, successorCode,
                legalBasis);
    }

    private static void requireNonNull(Object value, String name, RegistrationStatus status) {
        if (value == null) {
            throw new IllegalArgumentException("A " + status + " registration needs " + name);
        }
    }

    private static void requireNull(Object value, String name, RegistrationStatus status) {
        if (value != null) {
            throw new IllegalArgumentException("A " + status + " registration has no " + name);
        }
    }
}
