package org.cqpsuite.registration.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.registration.domain.Block;
import org.cqpsuite.registration.domain.Directory;
import org.cqpsuite.registration.domain.Registration;
import org.cqpsuite.registration.domain.RegistrationStatus;
import org.cqpsuite.registration.domain.RegistrationType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registration in the RNCP or the RS, with its current lifecycle state (the history is in registration_history). */
@Entity
@Table(name = "registration")
public class RegistrationEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "certification_id", nullable = false, updatable = false)
    public UUID certificationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Directory directory;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationStatus status;

    public String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_type")
    public RegistrationType registrationType;

    @Column(name = "requested_on")
    public LocalDate requestedOn;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    public Integer level;

    @Column(name = "award_deadline")
    public LocalDate awardDeadline;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Block> blocks = new ArrayList<>();

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Column(name = "predecessor_id")
    public UUID predecessorId;

    @Column(name = "successor_id")
    public UUID successorId;

    @Column(name = "predecessor_code")
    public String predecessorCode;

    @Column(name = "successor_code")
    public String successorCode;

    /** The official text that registered it, when the directory importer knows it (stands in for a missing code). */
    @Column(name = "legal_basis")
    public String legalBasis;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Order of the certification's registrations, assigned by the database (identity column) at insert. Not read
     * back after an insert (queries order by it; no code reads it): reading it back kept inserts out of JDBC batches.
     */
    @Column(insertable = false, updatable = false)
    public Long position;

    /** The domain's view of this row. */
    public Registration toDomain() {
        return new Registration(status, directory, requestedOn, code, registrationType, decidedOn, effectiveFrom,
                endsOn, level, awardDeadline, List.copyOf(blocks), withdrawnOn, withdrawalReason, predecessorCode,
                successorCode, legalBasis);
    }

    /** Copies the domain's new state into this row. */
    public void apply(Registration registration, Instant now) {
        status = registration.status();
        code = registration.code();
        registrationType = registration.registrationType();
        requestedOn = registration.requestedOn();
        decidedOn = registration.decidedOn();
        effectiveFrom = registration.effectiveFrom();
        endsOn = registration.endsOn();
        level = registration.level();
        awardDeadline = registration.awardDeadline();
        blocks = new ArrayList<>(registration.blocks());
        withdrawnOn = registration.withdrawnOn();
        withdrawalReason = registration.withdrawalReason();
        predecessorCode = registration.predecessorCode();
        successorCode = registration.successorCode();
        legalBasis = registration.legalBasis();
        updatedAt = now;
    }

    public static List<RegistrationEntity> ofCertification(UUID certificationId) {
        return list("certificationId = ?1 order by position", certificationId);
    }
}
