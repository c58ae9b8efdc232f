package org.cqpsuite.events.registration;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One registration of a certification in a directory kept by France compétences: the RNCP (répertoire national des
 * certifications professionnelles, article L6113-5 of the Code du travail) or the RS (répertoire spécifique, article
 * L6113-6). A renewal is a new entry, linked to the one it renews. The contract uses strings, not the service's enums;
 * the allowed values are the constants below and the schema's {@code enum}s. Immutable: a {@code null} list is empty.
 *
 * <p>What is set in which status (the schema checks all of it):
 * <table>
 * <caption>Nullability by status</caption>
 * <tr><th>status</th><th>{@code code}, {@code effectiveFrom}</th><th>{@code registrationType}, {@code decidedOn}</th>
 * <th>{@code withdrawnOn}</th></tr>
 * <tr><td>{@value #STATUS_REQUESTED}</td><td>null</td><td>null</td><td>null</td></tr>
 * <tr><td>{@value #STATUS_REFUSED}</td><td>null</td><td>{@value #TYPE_ON_REQUEST}, set</td><td>null</td></tr>
 * <tr><td>{@value #STATUS_REGISTERED}, {@value #STATUS_EXPIRED}, {@value #STATUS_REPLACED}</td><td>set (but
 * {@code code} may be null when {@code legalBasis} is set)</td><td>set</td><td>null</td></tr>
 * <tr><td>{@value #STATUS_WITHDRAWN}</td><td>set if it was registered, else null (but {@code code} may be null
 * when {@code legalBasis} is set)</td><td>set if it was registered, else null</td><td>set</td></tr>
 * </table>
 * Besides: {@code endsOn} is set for every registration {@value #TYPE_ON_REQUEST} once registered and for every
 * {@value #STATUS_EXPIRED} one; {@code effectiveFrom}, {@code endsOn}, {@code awardDeadline}, {@code level} are null
 * and {@code blocks} empty while neither {@code code} nor {@code legalBasis} is set; {@code successorId} is set when,
 * and only when, {@value #STATUS_REPLACED}.
 *
 * <p><b>Registered without a code</b> (contract 1.2): some registrations are known only from the official order
 * (arrêté, published in the Journal officiel) that registered them, which does not give their directory code. Such
 * an entry has {@code code} null and {@code legalBasis} set, and is otherwise a registered entry: status
 * {@value #STATUS_REGISTERED}, {@value #STATUS_EXPIRED}, {@value #STATUS_REPLACED} or {@value #STATUS_WITHDRAWN},
 * type, decision and first day set, an end when on request, a level when in the RNCP and decided on or after
 * {@link #FIRST_LEVEL_DECISION}; no blocks (their codes start with the registration's code). A {@code code} null
 * without {@code legalBasis} still means "not registered".
 *
 * @param id the registration's id, unique; never changes
 * @param directory {@value #DIRECTORY_RNCP} or {@value #DIRECTORY_RS}
 * @param code the directory's code, {@code null} until registered: {@code RNCP} and 3 to 5 digits ({@code RNCP99001},
 *        {@value #RNCP_CODE_PATTERN}), or {@code RS} and 1 to 6 digits ({@code RS5568}, {@value #RS_CODE_PATTERN});
 *        also {@code null} for a registration known from an order that does not give it ({@code legalBasis} set)
 * @param status {@value #STATUS_REQUESTED}, {@value #STATUS_REGISTERED}, {@value #STATUS_REFUSED},
 *        {@value #STATUS_WITHDRAWN}, {@value #STATUS_EXPIRED} or {@value #STATUS_REPLACED}: REQUESTED → REGISTERED |
 *        REFUSED | WITHDRAWN; REGISTERED → WITHDRAWN | EXPIRED | REPLACED; EXPIRED → REPLACED. REFUSED, WITHDRAWN and
 *        REPLACED are final; the status is the current one, the dates say when each applied. An entry found by the
 *        directory importer is appended directly as REGISTERED, EXPIRED or WITHDRAWN (the status its fiche gives)
 * @param registrationType {@value #TYPE_ON_REQUEST} (sur demande, after the assent of France compétences' commission:
 *        every CQP) or {@value #TYPE_BY_RIGHT} (de droit); {@code null} until decided
 * @param requestedOn the day the registration was requested; {@code null} only when not known (a registration found by
 *        the directory importer)
 * @param decidedOn the day of France compétences' decision (registration or refusal); {@code null} until decided
 * @param effectiveFrom the first day of the registration; {@code null} until registered
 * @param endsOn the last day of the registration (the directory's {@code DATE_FIN_ENREGISTREMENT}; the fiche is
 *        inactive from the next day); registrations on request last at most five years; {@code null} until registered,
 *        and for a registration by right without end
 * @param awardDeadline the last day the certification may still be awarded under this registration (the directory's
 *        {@code DATE_LIMITE_DELIVRANCE}); {@code null} when not given
 * @param level the qualification level, 1 to 8 (decree of 8 January 2019): set for an RNCP registration decided on or
 *        after {@link #FIRST_LEVEL_DECISION} once registered, {@code null} otherwise (RS registrations have no level, nor
 *        do RNCP registrations decided before 2019 under the old procedure)
 * @param blocks the skills blocks of an RNCP registration, as registered, in the directory's order; empty until
 *        registered and for the RS
 * @param withdrawnOn the day the request or the registration was withdrawn; {@code null} unless
 *        {@value #STATUS_WITHDRAWN}
 * @param withdrawalReason why, in words; {@code null} unless {@value #STATUS_WITHDRAWN}, and when no reason was given
 * @param predecessorId the {@code id} of the entry of the same certification this one renews; {@code null} if it
 *        renews none
 * @param successorId the {@code id} of the entry of the same certification that renewed this one: set when, and only
 *        when, {@value #STATUS_REPLACED} (a renewal only requested does not touch the entry it renews)
 * @param predecessorCode the code of the certification this one follows in the directory: the predecessor entry's
 *        code, or, from the directory importer, the code of an older certification the suite does not hold as a
 *        registration of this one ({@code predecessorId} then null); {@code null} if none
 * @param successorCode the same for the certification that follows this one; {@code null} if none (yet)
 * @param legalBasis the official text that registered it, when known: e.g. {@code Arrêté du 20 janvier 2014 (NOR
 *        ETSD1401196A)}, 1 to {@value #LEGAL_BASIS_MAX_LENGTH} characters; {@code null} otherwise. Set with a
 *        {@code null} {@code code} for a registration known from an order that does not give its directory code.
 *        Only registered entries (not {@value #STATUS_REQUESTED}, not {@value #STATUS_REFUSED}) have one. Added in
 *        contract 1.2: absent from the events published before, which a consumer reads as {@code null}
 */
public record RegistrationEntry(UUID id, String directory, String code, String status, String registrationType,
        LocalDate requestedOn, LocalDate decidedOn, LocalDate effectiveFrom, LocalDate endsOn, LocalDate awardDeadline,
        Integer level, List<BlockState> blocks, LocalDate withdrawnOn, String withdrawalReason, UUID predecessorId,
        UUID successorId, String predecessorCode, String successorCode, String legalBasis) {

    public static final String DIRECTORY_RNCP = "RNCP";
    public static final String DIRECTORY_RS = "RS";
    /** The values of {@code directory}. */
    public static final List<String> DIRECTORIES = List.of(DIRECTORY_RNCP, DIRECTORY_RS);

    public static final String STATUS_REQUESTED = "REQUESTED";
    public static final String STATUS_REGISTERED = "REGISTERED";
    public static final String STATUS_REFUSED = "REFUSED";
    public static final String STATUS_WITHDRAWN = "WITHDRAWN";
    public static final String STATUS_EXPIRED = "EXPIRED";
    public static final String STATUS_REPLACED = "REPLACED";
    /** The values of {@code status}. */
    public static final List<String> STATUSES = List.of(STATUS_REQUESTED, STATUS_REGISTERED, STATUS_REFUSED,
            STATUS_WITHDRAWN, STATUS_EXPIRED, STATUS_REPLACED);

    public static final String TYPE_ON_REQUEST = "ON_REQUEST";
    public static final String TYPE_BY_RIGHT = "BY_RIGHT";
    /** The values of {@code registrationType} (besides {@code null}). */
    public static final List<String> REGISTRATION_TYPES = List.of(TYPE_ON_REQUEST, TYPE_BY_RIGHT);

    /** The pattern of an RNCP code. */
    public static final String RNCP_CODE_PATTERN = "^RNCP\\d{3,5}$";
    /** The pattern of an RS code. */
    public static final String RS_CODE_PATTERN = "^RS\\d{1,6}$";
    /** The pattern of a skills block code. */
    public static final String BLOCK_CODE_PATTERN = "^RNCP\\d{3,5}BC\\d{1,2}$";

    /** The lowest and the highest qualification level. */
    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 8;

    /** The first decision day from which RNCP registrations carry a level. */
    public static final LocalDate FIRST_LEVEL_DECISION = LocalDate.of(2019, 1, 1);

    /** The longest {@code legalBasis}, in characters. */
    public static final int LEGAL_BASIS_MAX_LENGTH = 300;

    public RegistrationEntry {
        blocks = RegistrationState.list(blocks);
    }

    /**
     * An entry without legal basis ({@code legalBasis} null): the constructor of contract 1.1, kept so that code built
     * on it compiles unchanged.
     */
    public RegistrationEntry(UUID id, String directory, String code, String status, String registrationType,
            LocalDate requestedOn, LocalDate decidedOn, LocalDate effectiveFrom, LocalDate endsOn,
            LocalDate awardDeadline, Integer level, List<BlockState> blocks, LocalDate withdrawnOn,
            String withdrawalReason, UUID predecessorId, UUID successorId, String predecessorCode,
            String successorCode) {
        this(id, directory, code, status, registrationType, requestedOn, decidedOn, effectiveFrom, endsOn,
                awardDeadline, level, blocks, withdrawnOn, withdrawalReason, predecessorId, successorId,
                predecessorCode, successorCode, null);
    }
}
