package org.cqpsuite.eligibility.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One registration of a certification in the RNCP or the RS, as the read model holds it.
 *
 * <p><b>In force on D</b> ({@link #standingOn}): the status is one that was registered (REGISTERED, EXPIRED, REPLACED
 * or WITHDRAWN: the current status says nothing about D, the dates do), {@code effectiveFrom <= D <= endsOn}
 * ({@code endsOn} {@code null}: without end) and not withdrawn on or before D ({@code withdrawnOn} is the first day on
 * which it is no longer in force). REQUESTED and REFUSED registrations are never in force.
 *
 * @param id the entry id in the registration state
 * @param directory RNCP or RS
 * @param code its directory code ({@code RNCP34486}, {@code RS5568}); {@code null} until registered
 * @param status its current status
 * @param effectiveFrom its first day
 * @param endsOn its last day ({@code DATE_FIN_ENREGISTREMENT}), {@code null} when without end
 * @param decidedOn the decision date (decides whether the RNCP registration attributes a level)
 * @param level qualification level 1–8, or {@code null}
 * @param blockCodes the codes of its skills blocks (RNCP); never {@code null}
 * @param withdrawnOn the first day on which it is no longer in force because withdrawn, or {@code null}
 * @param successorId the entry that renewed it, or {@code null}
 * @param successorCode the code of the certification that follows it, or {@code null}
 * @param legalBasis the official text that registered it (an order), or {@code null}; set when the code is not known
 */
public record RegistrationFacts(UUID id, Directory directory, String code, Status status, LocalDate effectiveFrom,
        LocalDate endsOn, LocalDate decidedOn, Integer level, List<String> blockCodes, LocalDate withdrawnOn,
        UUID successorId, String successorCode, String legalBasis) {

    /** A registration without legal basis of its own (every one but those known from an official order). */
    public RegistrationFacts(UUID id, Directory directory, String code, Status status, LocalDate effectiveFrom,
            LocalDate endsOn, LocalDate decidedOn, Integer level, List<String> blockCodes, LocalDate withdrawnOn,
            UUID successorId, String successorCode) {
        this(id, directory, code, status, effectiveFrom, endsOn, decidedOn, level, blockCodes, withdrawnOn,
                successorId, successorCode, null);
    }

    /**
     * How reasons name it: its code, or, for a registration known from an official order that does not give the code,
     * that order in quotes.
     */
    public String designation() {
        if (code != null) {
            return code;
        }
        return legalBasis != null ? "« " + legalBasis + " »" : "sans code";
    }

    /** The directory of a registration. */
    public enum Directory {
        /** Répertoire national des certifications professionnelles (art. L6113-5). */
        RNCP,
        /** Répertoire spécifique (art. L6113-6). */
        RS
    }

    /** The current status, as in {@code RegistrationEntry.STATUSES}. */
    public enum Status {
        REQUESTED, REGISTERED, REFUSED, WITHDRAWN, EXPIRED, REPLACED;

        /** Whether a registration with this status was granted once, so that its dates decide where it stands. */
        public boolean wasRegistered() {
            return this != REQUESTED && this != REFUSED;
        }
    }

    /** Where a registration stands on a date. */
    public enum Standing {
        /** REQUESTED or REFUSED, or no effective date: never in force. */
        NEVER_REGISTERED,
        /** Before its first day. */
        NOT_YET_EFFECTIVE,
        /** In force. */
        IN_FORCE,
        /** After its last day. */
        ENDED,
        /** Withdrawn on or before the date. */
        WITHDRAWN
    }

    public RegistrationFacts {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(status, "status");
        blockCodes = blockCodes == null ? List.of() : List.copyOf(blockCodes);
    }

    /**
     * Where the registration stands on {@code date}. When it was both withdrawn and ended on or before the date,
     * whichever came first wins (withdrawal when {@code withdrawnOn <= endsOn}); a withdrawal on or before the date
     * wins over "not yet effective" (it will never take effect).
     */
    public Standing standingOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (!wasGranted()) {
            return Standing.NEVER_REGISTERED;
        }
        boolean ended = endsOn != null && date.isAfter(endsOn);
        if (withdrawnOn != null && !withdrawnOn.isAfter(date)) {
            return ended && endsOn.isBefore(withdrawnOn) ? Standing.ENDED : Standing.WITHDRAWN;
        }
        if (date.isBefore(effectiveFrom)) {
            return Standing.NOT_YET_EFFECTIVE;
        }
        return ended ? Standing.ENDED : Standing.IN_FORCE;
    }

    /** Whether it was granted once (a status that was registered, with a first day): its dates then decide. */
    public boolean wasGranted() {
        return status.wasRegistered() && effectiveFrom != null;
    }

    /** Whether it is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return standingOn(date) == Standing.IN_FORCE;
    }

    /** Whether it lists the skills block {@code blockCode} (compared trimmed, case-insensitive). */
    public boolean listsBlock(String blockCode) {
        String wanted = normalizeBlock(blockCode);
        return blockCodes.stream().anyMatch(b -> b != null && normalizeBlock(b).equals(wanted));
    }

    /** Whether it names a successor (id or code). */
    public boolean hasSuccessor() {
        return successorId != null || successorCode != null;
    }

    static String normalizeBlock(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
