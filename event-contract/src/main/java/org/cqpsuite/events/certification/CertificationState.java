package org.cqpsuite.events.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A certification's full state as published on {@value CertificationEvents#TOPIC}. The contract uses strings, not the
 * service's enums (services share no domain classes); the allowed values are the constants below and the schema's
 * {@code enum}s. Immutable: {@code null} lists are empty lists.
 *
 * <p>JSON: the component names are the property names; {@link LocalDate}s are {@code "2026-01-31"} and
 * {@link Instant}s RFC 3339 in UTC, {@code "2026-01-31T09:15:02.123456Z"} (Jackson: {@code JavaTimeModule} with
 * {@code WRITE_DATES_AS_TIMESTAMPS} disabled).
 *
 * @param id the certification id, also the Kafka key and {@code ce_subject}
 * @param kind {@value #KIND_CQP}, {@value #KIND_CQPI} or {@value #KIND_OTHER} (a directory certification that is not
 *        a CQP)
 * @param title e.g. {@code Opérateur qualité}
 * @param status {@value #STATUS_DRAFT}, {@value #STATUS_PUBLISHED} or {@value #STATUS_RETIRED}
 * @param source who wrote the record: {@value #SOURCE_API} or {@value #SOURCE_DIRECTORY_IMPORT}
 * @param cpnes the issuing CPNEs, in the order the certification lists them
 * @param carryingBranches the branches carrying the certification: the distinct IDCCs of {@code cpnes}, sorted
 * @param nsfCodes NSF codes (Nomenclature des spécialités de formation), e.g. {@code 200r}
 * @param romeCodes ROME codes (Répertoire opérationnel des métiers et des emplois), e.g. {@code H1502}
 * @param createdOn the day the certification was created
 * @param updatedAt when it last changed: the time of this change
 * @param version the certification's optimistic-lock version, as in its ETag; not the event sequence
 * @param frameworks the latest version of each of the three frameworks
 */
public record CertificationState(UUID id, String kind, String title, String status, String source,
        List<CpneState> cpnes, List<String> carryingBranches, List<String> nsfCodes, List<String> romeCodes,
        LocalDate createdOn, Instant updatedAt, long version, FrameworkVersions frameworks) {

    public static final String KIND_CQP = "CQP";
    public static final String KIND_CQPI = "CQPI";
    public static final String KIND_OTHER = "OTHER";
    /** The values of {@code kind}. */
    public static final List<String> KINDS = List.of(KIND_CQP, KIND_CQPI, KIND_OTHER);

    public static final String STATUS_DRAFT = "DRAFT";
    public static final String STATUS_PUBLISHED = "PUBLISHED";
    public static final String STATUS_RETIRED = "RETIRED";
    /** The values of {@code status}. */
    public static final List<String> STATUSES = List.of(STATUS_DRAFT, STATUS_PUBLISHED, STATUS_RETIRED);

    public static final String SOURCE_API = "API";
    public static final String SOURCE_DIRECTORY_IMPORT = "DIRECTORY_IMPORT";
    /** The values of {@code source}. */
    public static final List<String> SOURCES = List.of(SOURCE_API, SOURCE_DIRECTORY_IMPORT);

    public CertificationState {
        cpnes = list(cpnes);
        carryingBranches = list(carryingBranches);
        nsfCodes = list(nsfCodes);
        romeCodes = list(romeCodes);
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
