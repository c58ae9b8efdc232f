package org.cqpsuite.certification.certification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.certification.domain.CertificationKind;
import org.cqpsuite.certification.domain.CertificationStatus;
import org.cqpsuite.certification.domain.Source;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A CQP, CQPI or other directory certification, as stored. */
@Entity
@Table(name = "certification")
public class Certification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificationKind kind;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    /**
     * The code of the certification in France compétences' directories ({@code RNCP34486}, {@code RS5012}), by which
     * the directory import finds it; {@code null} for certifications written through the API. Unique.
     */
    @Column(name = "directory_code", unique = true)
    public String directoryCode;

    /**
     * The key of a certification imported from an official order (arrêté) that registered it in the RNCP without
     * giving its RNCP code ({@code arrete-2014-01-20/ETSD1401196A#3}), by which the directory import finds it;
     * {@code null} otherwise (never set together with {@link #directoryCode}). Unique, case kept.
     */
    @Column(name = "external_reference", unique = true)
    public String externalReference;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "certification_cpne", joinColumns = @JoinColumn(name = "certification_id"))
    @OrderColumn(name = "position")
    public List<CpneEntry> cpnes = new ArrayList<>();

    /** NSF codes (nomenclature des spécialités de formation). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "nsf_codes", nullable = false)
    public List<String> nsfCodes = new ArrayList<>();

    /** ROME codes of the targeted jobs (répertoire opérationnel des métiers et des emplois). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rome_codes", nullable = false)
    public List<String> romeCodes = new ArrayList<>();

    @Column(name = "created_on", nullable = false)
    public LocalDate createdOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Optimistic lock, exposed as the ETag: every change increments it. */
    @Version
    public long version;

    /** Sequence number of the last event published about this certification. */
    @Column(name = "event_sequence", nullable = false)
    public long eventSequence;
}
