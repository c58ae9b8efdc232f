package org.cqpsuite.registration.domain;

import static org.cqpsuite.registration.domain.Values.blank;
import static org.cqpsuite.registration.domain.Values.quote;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * The input rules of transmissions, registration requests, decisions, renewals and withdrawals, as pure functions: each
 * returns every {@link Violation} found (empty when valid), so that a client fixes all its mistakes in one round. Field
 * names are the JSON paths of the public bodies ({@code blocks[1].code}).
 *
 * <p>Call {@code normalise} first, then {@code validate...} on the normalised value, and store the normalised value. The
 * validators are strict on their own: {@code rncp99001} is a {@code pattern} violation unless normalised.
 *
 * <p>Decisions taken where the issue was silent (each is tested):
 * <ul>
 * <li><b>Five years.</b> "At most five years" for a registration on request (enregistrement sur demande, article
 * L6113-5 II) is read as {@code endsOn ≤ effectiveFrom.plusYears(5)}: the anniversary date itself is accepted. The
 * contract example ends the day before the anniversary (2019-06-15 → 2024-06-14), which is exactly five years of days;
 * accepting the anniversary too tolerates the one-day difference found in directory data rather than rejecting it.
 * {@code plusYears} maps 29 February to 28 February. By-right registrations (enregistrement de droit) have no
 * limit.</li>
 * <li><b>Level.</b> Required (1 to 8) for an RNCP registration decided on or after {@link #LEVELS_FROM}; refused
 * ({@code not-allowed}) for an RNCP registration decided before it, because a registration under the old procedure
 * attributes no level (decree of 8 January 2019), and for the RS, which has no levels. The decision date decides, not
 * the effective date. When {@code decidedOn} is missing only the range is checked.</li>
 * <li><b>Refusals.</b> A REFUSED decision carries {@code decidedOn} only; any other field given is refused
 * ({@code not-allowed}) rather than ignored, since a code or dates on a refusal usually mean a wrong outcome, and
 * ignoring them would store something other than what was sent. An empty {@code blocks} list counts as absent.</li>
 * <li><b>Dates of facts.</b> Transmission, request and decision dates record past facts: none may be after
 * {@code today} ({@code future-date}). Effective, end, award-deadline and withdrawal dates may be in the future.</li>
 * <li><b>Effective date vs decision date.</b> Not ordered: the texts set no order and directory data is recorded as it
 * is.</li>
 * <li><b>Award deadline.</b> Optional, not before {@code effectiveFrom}; it may be after {@code endsOn} (learners who
 * started before the end may still be certified, article L6113-9), so it has no upper bound.</li>
 * <li><b>Blocks.</b> Optional even for the RNCP (registrations under the old procedure have none); refused for the RS.
 * {@code RNCP99001BC01} and {@code RNCP99001BC1} are the same block (same number): listing both is a
 * {@code duplicate}. The prefix is checked only when the registration code itself is well-formed.</li>
 * <li><b>Transmission.</b> The current transmission is the last one recorded (a correction may move the date either
 * way), not the one with the latest date. A correction may not move the date after a registration request already
 * recorded ({@code after-request}), which would break "a transmission precedes any request". A request without any
 * transmission is one violation on {@code body}, rule {@code transmission-required} (a resource may answer it 409
 * rather than 400).</li>
 * <li><b>Renewal.</b> The body is a decision whose outcome must be REGISTERED ({@code not-allowed} otherwise: a
 * refused renewal changes nothing, the registration runs to its end date); same rules as a registration, plus: decided
 * not before the renewed registration's decision, effective after its effective date ({@code before-predecessor}). The
 * successor may keep the predecessor's code (the issue says "usually a new code"): that code is not a
 * {@code duplicate-code}.</li>
 * <li><b>Withdrawal.</b> {@code effectiveOn} not before {@code effectiveFrom} and not after {@code endsOn}
 * ({@code after-end-date}: the registration has already ended by then); it may be in the future (a withdrawal decided
 * with a later effect).</li>
 * </ul>
 */
public final class RegistrationRules {

    public static final int REFERENCE_MAX_LENGTH = 64;
    public static final int REASON_MAX_LENGTH = 500;
    /** The longest registration on request (enregistrement sur demande), article L6113-5. */
    public static final int MAX_YEARS_ON_REQUEST = 5;
    /**
     * The first decision date at which RNCP registrations attribute a qualification level (levels 1 to 8 of the decree
     * of 8 January 2019, procedure of the law of 5 September 2018).
     */
    public static final LocalDate LEVELS_FROM = LocalDate.of(2019, 1, 1);
    public static final int LEVEL_MIN = 1;
    public static final int LEVEL_MAX = 8;

    private static final String BODY = "body";
    private static final String TRANSMISSION_EXAMPLE = "{\"transmittedOn\": \"2019-03-01\", \"reference\": "
            + "\"FC-2019-0001\"}";

    private RegistrationRules() {
    }

    // ---------------------------------------------------------------------------------------------------- normalise

    /** Strips the spaces around the reference. {@code null} stays {@code null}. */
    public static Transmission normalise(Transmission transmission) {
        return transmission == null ? null
                : new Transmission(transmission.transmittedOn(), Values.strip(transmission.reference()));
    }

    /**
     * Strips the spaces around every text and writes the codes in upper case: clients type {@code rncp99001 } and the
     * official form is {@code RNCP99001}. {@code null} stays {@code null}, {@code null} blocks are kept for the rules.
     */
    public static Decision normalise(Decision decision) {
        if (decision == null) {
            return null;
        }
        List<Block> blocks = new ArrayList<>(decision.blocks().size());
        for (Block block : decision.blocks()) {
            blocks.add(block == null ? null : new Block(code(block.code()), Values.strip(block.title())));
        }
        return new Decision(decision.outcome(), code(decision.code()), decision.registrationType(),
                decision.decidedOn(), decision.effectiveFrom(), decision.endsOn(), decision.level(),
                decision.awardDeadline(), blocks);
    }

    /** Strips the spaces around the reason. {@code null} stays {@code null}. */
    public static Withdrawal normalise(Withdrawal withdrawal) {
        return withdrawal == null ? null : new Withdrawal(withdrawal.effectiveOn(), Values.strip(withdrawal.reason()));
    }

    private static String code(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------------------- transmission

    /** As {@link #validateTransmission(Transmission, LocalDate, LocalDate)} with no request recorded yet. */
    public static List<Violation> validateTransmission(Transmission transmission, LocalDate today) {
        return validateTransmission(transmission, today, null);
    }

    /**
     * The transmission to France compétences (article L6113-4), first or a correction:
     * <ul>
     * <li>{@code transmittedOn} required, not after {@code today} ({@code future-date}), and not after the first
     * registration request already recorded ({@code after-request});</li>
     * <li>{@code reference} required, non-blank, at most 64 characters once stripped.</li>
     * </ul>
     *
     * @param today the date in Europe/Paris
     * @param firstRequestedOn the earliest {@code requestedOn} of the certification's registrations, {@code null} when
     *        none
     */
    public static List<Violation> validateTransmission(Transmission transmission, LocalDate today,
            LocalDate firstRequestedOn) {
        Objects.requireNonNull(today, "today");
        if (transmission == null) {
            return List.of(required(BODY, "is required: a transmission, e.g. " + TRANSMISSION_EXAMPLE));
        }
        List<Violation> violations = new ArrayList<>();
        LocalDate transmittedOn = transmission.transmittedOn();
        if (transmittedOn == null) {
            violations.add(required("transmittedOn", "is required: the date of the transmission to France compétences, "
                    + "e.g. \"2019-03-01\""));
        } else if (transmittedOn.isAfter(today)) {
            violations.add(future("transmittedOn", transmittedOn, today, "a transmission is recorded once made"));
        } else if (firstRequestedOn != null && transmittedOn.isAfter(firstRequestedOn)) {
            violations.add(new Violation("transmittedOn", Violation.AFTER_REQUEST, "must not be after "
                    + firstRequestedOn + ", the date of the first registration request already recorded: a "
                    + "transmission precedes any request (found " + transmittedOn + ")"));
        }
        requiredText(transmission.reference(), "reference", REFERENCE_MAX_LENGTH,
                "France compétences' reference, e.g. \"FC-2019-0001\"", violations);
        return List.copyOf(violations);
    }

    /** The current transmission of a history in the order recorded: the last entry, {@code null} when none. */
    public static Transmission currentTransmission(List<Transmission> history) {
        return history == null || history.isEmpty() ? null : history.get(history.size() - 1);
    }

    // ------------------------------------------------------------------------------------------------------ request

    /**
     * A registration request (demande d'enregistrement by the CPNE):
     * <ul>
     * <li>a transmission must have been recorded ({@code body}, {@code transmission-required});</li>
     * <li>{@code directory} required;</li>
     * <li>{@code requestedOn} required, not after {@code today} ({@code future-date}), not before the current
     * transmission's date ({@code before-transmission}; the same day is fine).</li>
     * </ul>
     *
     * @param currentTransmission the last transmission recorded ({@link #currentTransmission}), {@code null} when none
     */
    public static List<Violation> validateRequest(RegistrationRequest request, Transmission currentTransmission,
            LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (request == null) {
            return List.of(required(BODY, "is required: a request, e.g. {\"directory\": \"RNCP\", "
                    + "\"requestedOn\": \"2019-03-10\"}"));
        }
        List<Violation> violations = new ArrayList<>();
        if (currentTransmission == null) {
            violations.add(new Violation(BODY, Violation.TRANSMISSION_REQUIRED, "the certification has not been "
                    + "transmitted to France compétences: record its transmission first (article L6113-4), e.g. "
                    + TRANSMISSION_EXAMPLE));
        }
        if (request.directory() == null) {
            violations.add(required("directory", "is required: RNCP (article L6113-5) or RS (article L6113-6)"));
        }
        LocalDate requestedOn = request.requestedOn();
        LocalDate transmittedOn = currentTransmission == null ? null : currentTransmission.transmittedOn();
        if (requestedOn == null) {
            violations.add(required("requestedOn", "is required: the date of the CPNE's request, e.g. \"2019-03-10\""));
        } else if (requestedOn.isAfter(today)) {
            violations.add(future("requestedOn", requestedOn, today, "a request is recorded once filed"));
        } else if (transmittedOn != null && requestedOn.isBefore(transmittedOn)) {
            violations.add(new Violation("requestedOn", Violation.BEFORE_TRANSMISSION, "must not be before "
                    + transmittedOn + ", the date of the transmission to France compétences: a CQP is transmitted "
                    + "before its registration is requested (found " + requestedOn + ")"));
        }
        return List.copyOf(violations);
    }

    // ----------------------------------------------------------------------------------------------------- decision

    /**
     * France compétences' decision on a REQUESTED registration.
     * <p>REGISTERED:
     * <ul>
     * <li>{@code code} required, of the directory's form ({@code pattern}), held by no other registration of the
     * directory ({@code duplicate-code});</li>
     * <li>{@code registrationType} required;</li>
     * <li>{@code decidedOn} required, not after {@code today}, not before {@code requestedOn}
     * ({@code before-request});</li>
     * <li>{@code effectiveFrom} required; {@code endsOn} required, after {@code effectiveFrom} ({@code date-order}),
     * and for a registration on request at most {@code effectiveFrom + 5 years} ({@code max-duration});</li>
     * <li>{@code level}: see the class comment ({@code required}, {@code range}, {@code not-allowed});</li>
     * <li>{@code awardDeadline} optional, not before {@code effectiveFrom} ({@code before-effective-date});</li>
     * <li>{@code blocks}: RNCP only ({@code not-allowed}); each with a code {@code RNCPnnnnnBCnn} ({@code pattern})
     * starting with the registration code ({@code block-code-prefix}), listed once ({@code duplicate}), and a
     * title.</li>
     * </ul>
     * REFUSED: {@code decidedOn} required (same date rules), nothing else ({@code not-allowed}). Without an outcome, only
     * {@code decidedOn} is checked besides.
     *
     * @param requested the registration decided on (its directory and request date)
     * @param codeTaken whether a code is already held by a registration of the directory
     */
    public static List<Violation> validateDecision(Registration requested, Decision decision, LocalDate today,
            Predicate<String> codeTaken) {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(codeTaken, "codeTaken");
        if (decision == null) {
            return List.of(required(BODY, "is required: a decision, e.g. {\"outcome\": \"REGISTERED\", ...} or "
                    + "{\"outcome\": \"REFUSED\", \"decidedOn\": \"2019-06-01\"}"));
        }
        List<Violation> violations = new ArrayList<>();
        DecisionDateRule afterRequest = (decidedOn, found) -> {
            LocalDate requestedOn = requested.requestedOn();
            if (requestedOn != null && decidedOn.isBefore(requestedOn)) {
                found.add(new Violation("decidedOn", Violation.BEFORE_REQUEST, "must not be before " + requestedOn
                        + ", the date of the request (found " + decidedOn + ")"));
            }
        };
        if (decision.outcome() == null) {
            violations.add(required("outcome", "is required: REGISTERED or REFUSED"));
            validateDecidedOn(decision.decidedOn(), today, afterRequest, violations);
        } else if (decision.outcome() == Outcome.REFUSED) {
            validateRefusal(decision, today, afterRequest, violations);
        } else {
            validateRegistered(requested.directory(), decision, today, codeTaken, afterRequest, null, violations);
        }
        return List.copyOf(violations);
    }

    /**
     * The decision registering the successor of a REGISTERED or EXPIRED registration: {@code outcome} must be
     * REGISTERED ({@code not-allowed}; when REFUSED, that is the only violation reported); then the rules of a
     * registration (see {@link #validateDecision}) in the predecessor's directory, with {@code decidedOn} not before
     * the predecessor's decision and {@code effectiveFrom} after the predecessor's effective date
     * ({@code before-predecessor}). The predecessor's own code may be kept.
     *
     * @param predecessor the registration renewed
     * @param codeTaken whether a code is already held by a registration of the directory (the predecessor's code is
     *        exempted here)
     */
    public static List<Violation> validateRenewal(Registration predecessor, Decision decision, LocalDate today,
            Predicate<String> codeTaken) {
        Objects.requireNonNull(predecessor, "predecessor");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(codeTaken, "codeTaken");
        if (decision == null) {
            return List.of(required(BODY, "is required: the decision registering the successor, e.g. {\"outcome\": "
                    + "\"REGISTERED\", \"code\": \"RNCP99002\", ...}"));
        }
        if (decision.outcome() == Outcome.REFUSED) {
            return List.of(new Violation("outcome", Violation.NOT_ALLOWED, "must be REGISTERED: a renewal registers a "
                    + "successor; a refused renewal changes nothing, the registration runs to its end date"));
        }
        List<Violation> violations = new ArrayList<>();
        if (decision.outcome() == null) {
            violations.add(required("outcome", "is required: REGISTERED (a renewal registers a successor)"));
        }
        DecisionDateRule afterPredecessor = (decidedOn, found) -> {
            LocalDate before = predecessor.decidedOn();
            if (before != null && decidedOn.isBefore(before)) {
                found.add(new Violation("decidedOn", Violation.BEFORE_PREDECESSOR, "must not be before " + before
                        + ", the decision date of the registration renewed, " + predecessor.designation() + " (found "
                        + decidedOn + ")"));
            }
        };
        String keptCode = predecessor.code();
        Predicate<String> takenByAnother = code -> !code.equals(keptCode) && codeTaken.test(code);
        validateRegistered(predecessor.directory(), decision, today, takenByAnother, afterPredecessor, predecessor,
                violations);
        return List.copyOf(violations);
    }

    /** A date rule on {@code decidedOn} that depends on the context (the request, or the renewed registration). */
    @FunctionalInterface
    private interface DecisionDateRule {
        void check(LocalDate decidedOn, List<Violation> violations);
    }

    private static void validateDecidedOn(LocalDate decidedOn, LocalDate today, DecisionDateRule rule,
            List<Violation> violations) {
        if (decidedOn == null) {
            violations.add(required("decidedOn", "is required: the date of France compétences' decision, e.g. "
                    + "\"2019-06-01\""));
        } else if (decidedOn.isAfter(today)) {
            violations.add(future("decidedOn", decidedOn, today, "a decision is recorded once taken"));
        } else {
            rule.check(decidedOn, violations);
        }
    }

    private static void validateRefusal(Decision decision, LocalDate today, DecisionDateRule rule,
            List<Violation> violations) {
        String why = "is not allowed on a refusal, which carries its decidedOn only: give "
                + "{\"outcome\": \"REFUSED\", \"decidedOn\": \"2019-06-01\"}, or outcome REGISTERED";
        notAllowed(decision.code(), "code", why, violations);
        notAllowed(decision.registrationType(), "registrationType", why, violations);
        validateDecidedOn(decision.decidedOn(), today, rule, violations);
        notAllowed(decision.effectiveFrom(), "effectiveFrom", why, violations);
        notAllowed(decision.endsOn(), "endsOn", why, violations);
        notAllowed(decision.level(), "level", why, violations);
        notAllowed(decision.awardDeadline(), "awardDeadline", why, violations);
        if (!decision.blocks().isEmpty()) {
            violations.add(new Violation("blocks", Violation.NOT_ALLOWED, why));
        }
    }

    private static void validateRegistered(Directory directory, Decision decision, LocalDate today,
            Predicate<String> codeTaken, DecisionDateRule decidedOnRule, Registration predecessor,
            List<Violation> violations) {
        Objects.requireNonNull(directory, "directory");
        String code = decision.code();
        boolean codeWellFormed = false;
        if (blank(code)) {
            violations.add(required("code", "is required: the registration code, " + directory.codeHint()));
        } else if (!directory.isCode(code)) {
            violations.add(new Violation("code", Violation.PATTERN, "must be a code of the " + directory + ", "
                    + directory.codeHint() + " (found " + quote(code) + ")"));
        } else {
            codeWellFormed = true;
            if (codeTaken.test(code)) {
                violations.add(new Violation("code", Violation.DUPLICATE_CODE, code + " is already held by another "
                        + "registration in the " + directory + ": a code identifies one certification in its "
                        + "directory"));
            }
        }
        if (decision.registrationType() == null) {
            violations.add(required("registrationType", "is required: ON_REQUEST (enregistrement sur demande, after "
                    + "the commission's assent) or BY_RIGHT (enregistrement de droit)"));
        }
        validateDecidedOn(decision.decidedOn(), today, decidedOnRule, violations);
        LocalDate effectiveFrom = decision.effectiveFrom();
        if (effectiveFrom == null) {
            violations.add(required("effectiveFrom", "is required: the first day of the registration, e.g. "
                    + "\"2019-06-15\""));
        } else if (predecessor != null && predecessor.effectiveFrom() != null
                && !effectiveFrom.isAfter(predecessor.effectiveFrom())) {
            violations.add(new Violation("effectiveFrom", Violation.BEFORE_PREDECESSOR, "must be after "
                    + predecessor.effectiveFrom() + ", the effective date of the registration renewed, "
                    + predecessor.designation() + " (found " + effectiveFrom + ")"));
        }
        validateEndsOn(decision, violations);
        validateLevel(directory, decision.decidedOn(), decision.level(), violations);
        LocalDate awardDeadline = decision.awardDeadline();
        if (awardDeadline != null && effectiveFrom != null && awardDeadline.isBefore(effectiveFrom)) {
            violations.add(new Violation("awardDeadline", Violation.BEFORE_EFFECTIVE_DATE, "must not be before "
                    + effectiveFrom + ", the effective date: it is the last day the certification may be awarded, "
                    + "or absent (found " + awardDeadline + ")"));
        }
        validateBlocks(directory, codeWellFormed ? code : null, decision.blocks(), violations);
    }

    private static void validateEndsOn(Decision decision, List<Violation> violations) {
        LocalDate effectiveFrom = decision.effectiveFrom();
        LocalDate endsOn = decision.endsOn();
        if (endsOn == null) {
            violations.add(required("endsOn", "is required: the last day of the registration (at most five years "
                    + "after effectiveFrom for a registration on request), e.g. \"2024-06-14\""));
        } else if (effectiveFrom != null && !endsOn.isAfter(effectiveFrom)) {
            violations.add(new Violation("endsOn", Violation.DATE_ORDER, "must be after " + effectiveFrom
                    + ", the effective date (found " + endsOn + ")"));
        } else if (effectiveFrom != null && decision.registrationType() == RegistrationType.ON_REQUEST
                && endsOn.isAfter(effectiveFrom.plusYears(MAX_YEARS_ON_REQUEST))) {
            violations.add(new Violation("endsOn", Violation.MAX_DURATION, "must be at most "
                    + effectiveFrom.plusYears(MAX_YEARS_ON_REQUEST) + ": a registration on request (enregistrement "
                    + "sur demande, article L6113-5) lasts at most five years, then is renewed (found " + endsOn
                    + ")"));
        }
    }

    private static void validateLevel(Directory directory, LocalDate decidedOn, Integer level,
            List<Violation> violations) {
        if (!directory.hasLevels()) {
            notAllowed(level, "level", "is not allowed: certifications of the RS (article L6113-6) have no "
                    + "qualification level; leave it absent", violations);
        } else if (decidedOn == null) {
            checkRange(level, violations);
        } else if (decidedOn.isBefore(LEVELS_FROM)) {
            notAllowed(level, "level", "is not allowed: an RNCP registration decided before " + LEVELS_FROM
                    + " (old procedure) attributes no qualification level; leave it absent", violations);
        } else if (level == null) {
            violations.add(required("level", "is required: the qualification level, 1 to 8 (decree of 8 January "
                    + "2019), of an RNCP registration decided on or after " + LEVELS_FROM + ", e.g. 4"));
        } else {
            checkRange(level, violations);
        }
    }

    private static void checkRange(Integer level, List<Violation> violations) {
        if (level != null && (level < LEVEL_MIN || level > LEVEL_MAX)) {
            violations.add(new Violation("level", Violation.RANGE, "must be a qualification level from " + LEVEL_MIN
                    + " to " + LEVEL_MAX + " (found " + level + ")"));
        }
    }

    /**
     * The skills blocks of a registration (see {@link #validateDecision}); {@code code} is the registration's code when
     * well-formed (then each block must start with it), else {@code null}. Shared with {@link DirectoryImportRules}.
     */
    static void validateBlocks(Directory directory, String code, List<Block> blocks,
            List<Violation> violations) {
        if (!directory.hasBlocks()) {
            if (!blocks.isEmpty()) {
                violations.add(new Violation("blocks", Violation.NOT_ALLOWED, "are not allowed: skills blocks are "
                        + "those of RNCP certifications, the RS has none; leave the list empty"));
            }
            return;
        }
        String example = (code == null ? "RNCP99001" : code) + "BC01";
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            String at = "blocks[" + i + "]";
            Block block = blocks.get(i);
            if (block == null) {
                violations.add(required(at, "is required: a skills block, e.g. {\"code\": \"" + example
                        + "\", \"title\": \"...\"}"));
                continue;
            }
            String blockCode = block.code();
            Matcher matcher = blockCode == null ? null : Directory.BLOCK_CODE.matcher(blockCode);
            if (blank(blockCode)) {
                violations.add(required(at + ".code", "is required: the block code, e.g. " + example));
            } else if (!matcher.matches()) {
                violations.add(new Violation(at + ".code", Violation.PATTERN, "must be the registration code, BC and "
                        + "1 or 2 digits, e.g. " + example + " (found " + quote(blockCode) + ")"));
            } else if (code != null && !matcher.group(1).equals(code)) {
                violations.add(new Violation(at + ".code", Violation.BLOCK_CODE_PREFIX, "must start with the "
                        + "registration code " + code + ", e.g. " + example + " (found " + quote(blockCode) + ")"));
            } else {
                Integer first = seen.putIfAbsent(Integer.valueOf(matcher.group(2)), i);
                if (first != null) {
                    violations.add(new Violation(at + ".code", Violation.DUPLICATE, "repeats the block of blocks["
                            + first + "] (block number " + Integer.parseInt(matcher.group(2)) + "): list each block "
                            + "once"));
                }
            }
            requiredText(block.title(), at + ".title", Integer.MAX_VALUE, "\"Contrôler la qualité\"", violations);
        }
    }

    // --------------------------------------------------------------------------------------------------- withdrawal

    /**
     * The withdrawal (retrait) of a registration: {@code effectiveOn} required, not before its {@code effectiveFrom}
     * ({@code before-effective-date}), not after its {@code endsOn} ({@code after-end-date}); {@code reason} required,
     * non-blank, at most 500 characters once stripped.
     *
     * @param registered the registration withdrawn
     */
    public static List<Violation> validateWithdrawal(Registration registered, Withdrawal withdrawal) {
        Objects.requireNonNull(registered, "registered");
        if (withdrawal == null) {
            return List.of(required(BODY, "is required: a withdrawal, e.g. {\"effectiveOn\": \"2021-01-01\", "
                    + "\"reason\": \"...\"}"));
        }
        List<Violation> violations = new ArrayList<>();
        LocalDate effectiveOn = withdrawal.effectiveOn();
        if (effectiveOn == null) {
            violations.add(required("effectiveOn", "is required: the first day on which the registration is no longer "
                    + "in force, e.g. \"2021-01-01\""));
        } else if (registered.effectiveFrom() != null && effectiveOn.isBefore(registered.effectiveFrom())) {
            violations.add(new Violation("effectiveOn", Violation.BEFORE_EFFECTIVE_DATE, "must not be before "
                    + registered.effectiveFrom() + ", the effective date of the registration (found " + effectiveOn
                    + ")"));
        } else if (registered.endsOn() != null && effectiveOn.isAfter(registered.endsOn())) {
            violations.add(new Violation("effectiveOn", Violation.AFTER_END_DATE, "must not be after "
                    + registered.endsOn() + ", the end date of the registration: it is no longer in force from "
                    + registered.expiresOn() + " anyway (found " + effectiveOn + ")"));
        }
        requiredText(withdrawal.reason(), "reason", REASON_MAX_LENGTH, "\"Retrait à la demande de la CPNE\"",
                violations);
        return List.copyOf(violations);
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /** Adds a violation if the text is blank or too long; {@code true} when it is fine. */
    private static boolean requiredText(String text, String field, int maxLength, String example,
            List<Violation> violations) {
        if (blank(text)) {
            violations.add(required(field, "is required: a non-blank text, e.g. " + example));
            return false;
        }
        int length = Values.length(text);
        if (length > maxLength) {
            violations.add(new Violation(field, Violation.MAX_LENGTH,
                    "must be at most " + maxLength + " characters (found " + length + ")"));
            return false;
        }
        return true;
    }

    private static void notAllowed(Object value, String field, String message, List<Violation> violations) {
        if (value != null) {
            violations.add(new Violation(field, Violation.NOT_ALLOWED, message));
        }
    }

    private static Violation future(String field, LocalDate date, LocalDate today, String why) {
        return new Violation(field, Violation.FUTURE_DATE, "must not be after today, " + today + ": " + why
                + " (found " + date + ")");
    }

    private static Violation required(String field, String message) {
        return new Violation(field, Violation.REQUIRED, message);
    }
}
