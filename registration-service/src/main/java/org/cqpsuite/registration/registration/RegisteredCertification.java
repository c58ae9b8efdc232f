package org.cqpsuite.registration.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A certification as this service knows it: the sequence number of its last event, and the row every write locks
 * first, so that the changes of one certification's registrations (and their events) happen one at a time.
 */
@Entity
@Table(name = "registered_certification")
public class RegisteredCertification extends PanacheEntityBase {

    @Id
    @Column(name = "certification_id")
    public UUID certificationId;

    @Column(name = "event_sequence", nullable = false)
    public long eventSequence;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The certification's kind (CQP, CQPI, OTHER) as certification-service gave it to the last directory import that
     * checked it; {@code null} until an import does.
     */
    public String kind;

    /** The certification's row, locked for this transaction; created on its first write. */
    public static RegisteredCertification lockOrCreate(UUID certificationId, Instant now) {
        getEntityManager().createNativeQuery("""
                INSERT INTO registered_certification (certification_id, event_sequence, updated_at)
                VALUES (?1, 0, ?2) ON CONFLICT (certification_id) DO NOTHING""")
                .setParameter(1, certificationId).setParameter(2, now).executeUpdate();
        return getEntityManager().find(RegisteredCertification.class, certificationId,
                LockModeType.PESSIMISTIC_WRITE);
    }
}
