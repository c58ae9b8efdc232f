package org.cqpsuite.registration.domain;

import static org.cqpsuite.registration.domain.Values.blank;
import static org.cqpsuite.registration.domain.Values.quote;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The rules of the directory import: registrations found in France compétences' RNCP/RS exports, recorded as they
 * are (the directory is the authority on its own data) within what the event contract requires. Pure functions:
 * {@link #normalise}, then {@link #validate} (every violation, fields relative to the item: {@code code},
 * {@code blocks[0].code}), then {@link #read} and {@link #reconcile} against the entry already recorded, if any.
 *
 * <p>What the import checks, and what it deliberately does not (each is tested):
 * <ul>
 * <li><b>Required:</b> {@code certificationId}, {@code kind}, {@code directory}, {@code code} (of the directory's form)
 * unless {@code legalBasis} is given, {@code active}, {@code registrationType}, a decision or effective date, and
 * {@code endsOn} for a registration on request (a registration by right may have no end).</li>
 * <li><b>Legal basis:</b> the official text that registered it ({@code Arrêté du 20 janvier 2014 (NOR
 * ETSD1401196A)}), optional, 1 to {@value #LEGAL_BASIS_MAX_LENGTH} characters once stripped ({@code max-length};
 * blank is absent). With it, {@code code} may be {@code null}: a registration known from an order that does not give
 * its directory code. Such a fiche has no blocks ({@code not-allowed}: their codes start with the registration's
 * code); the level rules are the same.</li>
 * <li><b>Dates:</b> {@code effectiveFrom} missing (real data) → {@code decidedOn}; {@code decidedOn} missing (the
 * directory gives only {@code DATE_EFFET} for registrations by right) → {@code effectiveFrom}; both missing →
 * {@code required} on {@code decidedOn}. {@code endsOn} not before {@code effectiveFrom} ({@code date-order}: the
 * contract's guarantee). Not checked, unlike the API's decisions: the five-year limit, future dates, the award
 * deadline's order: the directory's dates are recorded as they are.</li>
 * <li><b>Level:</b> 1 to 8 ({@code range}); none in the RS ({@code not-allowed}); required for an RNCP registration
 * decided on or after {@link RegistrationRules#LEVELS_FROM} ({@code required}). For an RNCP registration decided
 * before it, a level given is <b>not recorded</b>: such a registration attributes no level (decree of 8 January
 * 2019, and the event contract has none), while the directory shows the equivalent level of the new
 * nomenclature.</li>
 * <li><b>Blocks:</b> as the API's decisions (RNCP only, code {@code RNCPnnnnnBCnn} starting with the registration's
 * code, each once, a title).</li>
 * <li><b>Predecessor / successor codes:</b> RNCP or RS codes ({@code pattern}); the contract has one of each: the
 * first is recorded.</li>
 * <li><b>Status</b> ({@link #directoryStatus}): active → REGISTERED; inactive with {@code endsOn} before the export
 * date → EXPIRED; inactive otherwise → WITHDRAWN, from the export date (inferred: the directory does not say when
 * nor why; reason {@link #withdrawalReason}).</li>
 * </ul>
 */
public final class DirectoryImportRules {

    /** The most items one import request may carry. */
    public static final int MAX_ITEMS = 500;

    /** The longest {@code legalBasis}, in characters (the event contract's). */
    public static final int LEGAL_BASIS_MAX_LENGTH = 300;

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

    private DirectoryImportRules() {
    }

    /** What an import changes in one registration; each change but {@link #NONE} is one event. */
    public enum Change {
        /** Nothing: the fiche says what is already recorded. */
        NONE,
        /** A registration found on an active fiche, appended as REGISTERED. */
        REGISTERED,
        /** Found expired (appended as EXPIRED), or REGISTERED → EXPIRED. */
        EXPIRED,
        /** Found withdrawn (appended as WITHDRAWN), or REGISTERED → WITHDRAWN. */
        WITHDRAWN,
        /** The directory data changed, not the status. */
        CORRECTED
    }

    /** The result of {@link #reconcile}: the registration's new state and its change, or why it is refused. */
    public sealed interface Reconciliation {
    }

    /** The fiche applies: {@code state} is the registration after the import, {@code change} what changed. */
    public record Applied(Registration state, Change change) implements Reconciliation {
    }

    /** The fiche does not apply: the status it implies is not reachable from the recorded one. */
    public record Refused(Violation violation) implements Reconciliation {
    }

    // ---------------------------------------------------------------------------------------------------- normalise

    /**
     * Strips the spaces around every text and writes codes and enumerated values in upper case ({@code rncp34486 } →
     * {@code RNCP34486}); a blank {@code code} or {@code legalBasis} is absent ({@code null}). {@code null} stays
     * {@code null}, {@code null} elements are kept for the rules.
     */
    public static DirectoryFiche normalise(DirectoryFiche fiche) {
        if (fiche == null) {
            return null;
        }
        List<Block> blocks = new ArrayList<>(fiche.blocks().size());
        for (Block block : fiche.blocks()) {
            blocks.add(block == null ? null : new Block(upper(block.code()), Values.strip(block.title())));
        }
        return new DirectoryFiche(fiche.certificationId(), upper(fiche.kind()), upper(fiche.directory()),
                orNull(upper(fiche.code())), fiche.active(), upper(fiche.registrationType()), fiche.decidedOn(),
                fiche.effectiveFrom(), fiche.endsOn(), fiche.awardDeadline(), fiche.level(), blocks,
                fiche.predecessorCodes().stream().map(DirectoryImportRules::upper).toList(),
                fiche.successorCodes().stream().map(DirectoryImportRules::upper).toList(),
                orNull(Values.strip(fiche.legalBasis())));
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static String orNull(String value) {
        return blank(value) ? null : value;
    }

    // ----------------------------------------------------------------------------------------------------- validate

    /** Every violation of the (normalised) fiche, fields relative to the item; empty when it can be recorded. */
    public static List<Violation> validate(DirectoryFiche fiche) {
        if (fiche == null) {
            return List.of(new Violation("body", Violation.REQUIRED, "is required: a fiche, e.g. {\"certificationId\": "
                    + "\"...\", \"kind\": \"CQP\", \"directory\": \"RNCP\", \"code\": \"RNCP34486\", ...}"));
        }
        List<Violation> violations = new ArrayList<>();
        if (fiche.certificationId() == null) {
            violations.add(required("certificationId", "is required: the certification's id in certification-service"));
        }
        oneOf(fiche.kind(), "kind", CertificationKind.values(), violations);
        Directory directory = oneOf(fiche.directory(), "directory", Directory.values(), violations);
        String code = fiche.code();
        String legalBasis = fiche.legalBasis();
        boolean codeWellFormed = false;
        if (legalBasis != null && Values.length(legalBasis) > LEGAL_BASIS_MAX_LENGTH) {
            violations.add(new Violation("legalBasis", Violation.MAX_LENGTH, "must be at most "
                    + LEGAL_BASIS_MAX_LENGTH + " characters: the official text that registered it, e.g. \"Arrêté du 20 "
                    + "janvier 2014 (NOR ETSD1401196A)\" (found " + Values.length(legalBasis) + ")"));
        }
        if (blank(code)) {
            if (legalBasis == null) {
                violations.add(required("code", "is required: the fiche's number, e.g. RNCP34486 or RS5568 (or, for a "
                        + "registration known from an official order that does not give it, null with legalBasis, "
                        + "e.g. \"Arrêté du 20 janvier 2014 (NOR ETSD1401196A)\")"));
            }
        } else if (directory != null && !directory.isCode(code)) {
            violations.add(new Violation("code", Violation.PATTERN, "must be a code of the " + directory + ", "
                    + directory.codeHint() + " (found " + quote(code) + ")"));
        } else {
            codeWellFormed = directory != null;
        }
        if (fiche.active() == null) {
            violations.add(required("active", "is required: the fiche's ACTIF flag, true or false"));
        }
        RegistrationType type = oneOf(fiche.registrationType(), "registrationType", RegistrationType.values(),
                violations);
        LocalDate decidedOn = decidedOn(fiche);
        LocalDate effectiveFrom = effectiveFrom(fiche);
        if (decidedOn == null) {
            violations.add(required("decidedOn", "is required: the decision date (DATE_DECISION) or, when the fiche "
                    + "has none, give effectiveFrom (DATE_EFFET), e.g. \"2020-02-20\""));
        }
        LocalDate endsOn = fiche.endsOn();
        if (endsOn == null) {
            if (type == RegistrationType.ON_REQUEST) {
                violations.add(required("endsOn", "is required for a registration on request (enregistrement sur "
                        + "demande, at most five years): DATE_FIN_ENREGISTREMENT, e.g. \"2025-03-01\""));
            }
        } else if (effectiveFrom != null && endsOn.isBefore(effectiveFrom)) {
            violations.add(new Violation("endsOn", Violation.DATE_ORDER, "must not be before " + effectiveFrom
                    + ", the effective date (found " + endsOn + ")"));
        }
        validateLevel(directory, decidedOn, fiche.level(), violations);
        if (blank(code) && legalBasis != null && !fiche.blocks().isEmpty()) {
            violations.add(new Violation("blocks", Violation.NOT_ALLOWED, "are not allowed without code: a block's "
                    + "code starts with the registration's (RNCP34486BC01); leave the list empty"));
        } else if (directory != null) {
            RegistrationRules.validateBlocks(directory, codeWellFormed ? code : null, fiche.blocks(), violations);
        }
        validateCodes(fiche.predecessorCodes(), "predecessorCodes", violations);
        validateCodes(fiche.successorCodes(), "successorCodes", violations);
        return List.copyOf(violations);
    }

    private static void validateLevel(Directory directory, LocalDate decidedOn, Integer level,
            List<Violation> violations) {
        if (level != null && (level < RegistrationRules.LEVEL_MIN || level > RegistrationRules.LEVEL_MAX)) {
            violations.add(new Violation("level", Violation.RANGE, "must be a qualification level from "
                    + RegistrationRules.LEVEL_MIN + " to " + RegistrationRules.LEVEL_MAX + " (found " + level + ")"));
        } else if (directory == Directory.RS && level != null) {
            violations.add(new Violation("level", Violation.NOT_ALLOWED, "is not allowed: certifications of the RS "
                    + "(article L6113-6) have no qualification level; give null"));
        } else if (directory == Directory.RNCP && level == null && decidedOn != null
                && !decidedOn.isBefore(RegistrationRules.LEVELS_FROM)) {
            violations.add(required("level", "is required: the qualification level, 1 to 8 (decree of 8 January "
                    + "2019), of an RNCP registration decided on or after " + RegistrationRules.LEVELS_FROM
                    + ", e.g. 4"));
        }
    }

    private static void validateCodes(List<String> codes, String field, List<Violation> violations) {
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String at = field + "[" + i + "]";
            if (blank(code)) {
                violations.add(required(at, "is required: an RNCP or RS code, e.g. RNCP18119"));
            } else if (!Directory.RNCP.isCode(code) && !Directory.RS.isCode(code)) {
                violations.add(new Violation(at, Violation.PATTERN, "must be an RNCP or RS code, "
                        + Directory.RNCP.codeHint() + ", or " + Directory.RS.codeHint() + " (found " + quote(code)
                        + ")"));
            }
        }
    }

    private static <E extends Enum<E>> E oneOf(String value, String field, E[] values, List<Violation> violations) {
        String allowed = String.join(", ", Arrays.stream(values).map(Enum::name).toList());
        if (blank(value)) {
            violations.add(required(field, "is required: one of " + allowed));
            return null;
        }
        for (E candidate : values) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        violations.add(new Violation(field, "type", "must be one of " + allowed + " (found " + quote(value) + ")"));
        return null;
    }

    private static LocalDate decidedOn(DirectoryFiche fiche) {
        return fiche.decidedOn() != null ? fiche.decidedOn() : fiche.effectiveFrom();
    }

    private static LocalDate effectiveFrom(DirectoryFiche fiche) {
        return fiche.effectiveFrom() != null ? fiche.effectiveFrom() : fiche.decidedOn();
    }

    // --------------------------------------------------------------------------------------------------------- read

    /**
     * The fiche in the domain's types. Call on a normalised fiche that {@link #validate} accepted.
     *
     * @throws IllegalArgumentException when it is not valid
     */
    public static ImportedRegistration read(DirectoryFiche fiche) {
        List<Violation> violations = validate(fiche);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("Not a valid fiche: " + violations);
        }
        Directory directory = Directory.valueOf(fiche.directory());
        LocalDate decidedOn = decidedOn(fiche);
        Integer level = directory == Directory.RNCP && !decidedOn.isBefore(RegistrationRules.LEVELS_FROM)
                ? fiche.level() : null;
        return new ImportedRegistration(fiche.certificationId(), CertificationKind.valueOf(fiche.kind()), directory,
                fiche.code(), fiche.active(), RegistrationType.valueOf(fiche.registrationType()), decidedOn,
                effectiveFrom(fiche), fiche.endsOn(), fiche.awardDeadline(), level, fiche.blocks(),
                fiche.predecessorCodes().isEmpty() ? null : fiche.predecessorCodes().get(0),
                fiche.successorCodes().isEmpty() ? null : fiche.successorCodes().get(0), fiche.legalBasis());
    }

    // ---------------------------------------------------------------------------------------------------- reconcile

    /**
     * The status the directory gives the registration on the export date: active → REGISTERED; inactive with its end
     * date before the export date → EXPIRED (inactive from the day after the end date); inactive otherwise →
     * WITHDRAWN (taken out of the directory before its end).
     */
    public static RegistrationStatus directoryStatus(ImportedRegistration fiche, LocalDate exportDate) {
        Objects.requireNonNull(exportDate, "exportDate");
        if (fiche.active()) {
            return RegistrationStatus.REGISTERED;
        }
        return ended(fiche, exportDate) ? RegistrationStatus.EXPIRED : RegistrationStatus.WITHDRAWN;
    }

    /** The reason recorded for a withdrawal inferred from an export: {@code Fiche inactive dans l'export du 16/08/2026}. */
    public static String withdrawalReason(LocalDate exportDate) {
        return "Fiche inactive dans l'export du " + FRENCH_DATE.format(exportDate);
    }

    /**
     * The registration after the import of its fiche.
     * <ul>
     * <li>Not recorded yet ({@code current} null): a new entry in the {@link #directoryStatus}, without request date;
     * its change is that status (REGISTERED, EXPIRED or WITHDRAWN).</li>
     * <li>Recorded REGISTERED: it takes the directory's status: REGISTERED (the data may change: CORRECTED), EXPIRED
     * or WITHDRAWN (from the export date).</li>
     * <li>Recorded EXPIRED or WITHDRAWN, fiche inactive: the status stays (the fiche being still inactive is no
     * change, even if its end date has passed since a withdrawal); the data may change (CORRECTED).</li>
     * <li>Recorded EXPIRED, fiche active but its end date before {@code today}: the registration has ended since
     * (the expiry job expired it the day after its end date, or the directory has not flagged the fiche inactive
     * yet): the status stays, so that re-importing an export after the expiry changes nothing.</li>
     * <li>Recorded EXPIRED (fiche active with an end date not passed today, or none) or WITHDRAWN (fiche active):
     * <b>refused</b>, with the state machine's reason {@code no-longer-registered}: an expired registration is
     * renewed, a withdrawn one is final; neither becomes REGISTERED again.</li>
     * <li>Recorded REPLACED (renewed through the API): the status stays, whatever the fiche says; the data may
     * change.</li>
     * </ul>
     * The data (type, dates, level, blocks, legal basis) are the fiche's; the request date, the code and a withdrawal
     * already recorded are kept. A predecessor or successor code missing from the fiche is kept when the entry is linked by id
     * ({@code predecessorLinked}, {@code successorLinked}: a renewal recorded through the API), else cleared.
     *
     * @param current the entry recorded under the fiche's key in this certification, or {@code null}: its code; for a
     *        fiche without code, its directory and legal basis
     * @param exportDate the date of the export the fiche comes from
     * @param today the date in Europe/Paris (not before {@code exportDate})
     */
    public static Reconciliation reconcile(Registration current, boolean predecessorLinked, boolean successorLinked,
            ImportedRegistration fiche, LocalDate exportDate, LocalDate today) {
        Objects.requireNonNull(fiche, "fiche");
        Objects.requireNonNull(exportDate, "exportDate");
        Objects.requireNonNull(today, "today");
        RegistrationStatus target = directoryStatus(fiche, exportDate);
        if (current == null) {
            boolean withdrawn = target == RegistrationStatus.WITHDRAWN;
            return new Applied(state(target, fiche.directory(), null, fiche, withdrawn ? exportDate : null,
                    withdrawn ? withdrawalReason(exportDate) : null, fiche.predecessorCode(), fiche.successorCode()),
                    Change.valueOf(target.name()));
        }
        RegistrationStatus status;
        switch (current.status()) {
            case REGISTERED -> status = target;
            case EXPIRED -> {
                if (target == RegistrationStatus.REGISTERED && !ended(fiche, today)) {
                    return reactivation(current, fiche, exportDate, "it has ended on its end date "
                            + current.endsOn() + ": record its renewal (POST /registrations/{rid}/renewal) instead");
                }
                if (fiche.endsOn() == null) {
                    return new Refused(required("endsOn", "is required: the registration is EXPIRED, so it keeps an "
                            + "end date (DATE_FIN_ENREGISTREMENT)"));
                }
                status = RegistrationStatus.EXPIRED;
            }
            case WITHDRAWN -> {
                if (target == RegistrationStatus.REGISTERED) {
                    return reactivation(current, fiche, exportDate, "a withdrawal is final: record a new registration "
                            + "instead");
                }
                status = RegistrationStatus.WITHDRAWN;
            }
            case REPLACED -> status = RegistrationStatus.REPLACED;
            default -> {
                return new Refused(new Violation("code", RegistrationLifecycle.NOT_REGISTERED, "The registration is "
                        + current.status() + ": it has no code, so no fiche can match it"));
            }
        }
        boolean withdrawn = status == RegistrationStatus.WITHDRAWN;
        boolean alreadyWithdrawn = current.status() == RegistrationStatus.WITHDRAWN;
        String predecessorCode = fiche.predecessorCode() != null ? fiche.predecessorCode()
                : predecessorLinked ? current.predecessorCode() : null;
        String successorCode = fiche.successorCode() != null ? fiche.successorCode()
                : successorLinked || status == RegistrationStatus.REPLACED ? current.successorCode() : null;
        Registration state = state(status, current.directory(), current.requestedOn(), fiche,
                withdrawn ? (alreadyWithdrawn ? current.withdrawnOn() : exportDate) : null,
                withdrawn ? (alreadyWithdrawn ? current.withdrawalReason() : withdrawalReason(exportDate)) : null,
                predecessorCode, successorCode);
        Change change = status != current.status() ? Change.valueOf(status.name())
                : state.equals(current) ? Change.NONE : Change.CORRECTED;
        return new Applied(state, change);
    }

    /** Whether the fiche's registration ended before {@code day} (it is inactive from the day after its end). */
    private static boolean ended(ImportedRegistration fiche, LocalDate day) {
        return fiche.endsOn() != null && fiche.endsOn().isBefore(day);
    }

    private static Registration state(RegistrationStatus status, Directory directory, LocalDate requestedOn,
            ImportedRegistration fiche, LocalDate withdrawnOn, String withdrawalReason, String predecessorCode,
            String successorCode) {
        return new Registration(status, directory, requestedOn, fiche.code(), fiche.registrationType(),
                fiche.decidedOn(), fiche.effectiveFrom(), fiche.endsOn(), fiche.level(), fiche.awardDeadline(),
                fiche.blocks(), withdrawnOn, withdrawalReason, predecessorCode, successorCode, fiche.legalBasis());
    }

    private static Refused reactivation(Registration current, ImportedRegistration fiche, LocalDate exportDate,
            String why) {
        return new Refused(new Violation("active", RegistrationLifecycle.NO_LONGER_REGISTERED, "The registration is "
                + current.status() + ": it cannot be registered again, " + why + ". The export of " + exportDate
                + " shows fiche " + fiche.designation() + " active"
                + (fiche.endsOn() == null ? "" : " until " + fiche.endsOn()) + "."));
    }

    private static Violation required(String field, String message) {
        return new Violation(field, Violation.REQUIRED, message);
    }
}
