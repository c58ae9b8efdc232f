package org.cqpsuite.registration.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

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

    /**
     * The rows of these certifications, locked for this transaction, those missing created: two statements whatever
     * their number. Both take the rows in the order of their ids, so that two transactions locking several rows never
     * wait for each other in a cycle.
     */
    public static Map<UUID, RegisteredCertification> lockOrCreateAll(Collection<UUID> certificationIds, Instant now) {
        List<UUID> ids = certificationIds.stream().distinct().toList();
        // JDBC for the array parameter: a collection parameter of a native query is expanded as a row, (?, ?, ...).
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO registered_certification (certification_id, event_sequence, updated_at)
                    SELECT id, 0, ? FROM unnest(?) AS t(id) ORDER BY id
                    ON CONFLICT (certification_id) DO NOTHING""")) {
                insert.setObject(1, now.atOffset(ZoneOffset.UTC));
                insert.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
                insert.executeUpdate();
            }
        });
        Map<UUID, RegisteredCertification> locked = new LinkedHashMap<>();
        RegisteredCertification.<RegisteredCertification>find("certificationId in ?1 order by certificationId", ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(certification -> locked.put(certification.certificationId, certification));
        return locked;
    }
}
