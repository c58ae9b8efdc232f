package org.cqpsuite.registration.directory;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cqpsuite.registration.registration.RegistrationHistoryEntry;
import org.cqpsuite.registration.transmission.Transmission;
import org.hibernate.Session;

/**
 * The rows of a directory import chunk whose key is an identity column (transmissions, history entries), inserted
 * together at the chunk's end in one JDBC batch each, after what Hibernate has queued. Persisted one by one, each
 * such row made Hibernate insert it at once, sending every insert queued before it, so that nothing of a chunk went
 * in a JDBC batch. Their ids stay the database's, in the order the chunk wrote them (transmissions and the history
 * are listed by id). Nothing reads them back within the chunk: its events take their state from
 * {@link CertificationRows}.
 */
final class ChunkWrites {

    private final List<Transmission> transmissions = new ArrayList<>();
    private final List<RegistrationHistoryEntry> history = new ArrayList<>();

    void add(Transmission transmission) {
        transmissions.add(transmission);
    }

    void add(RegistrationHistoryEntry entry) {
        history.add(entry);
    }

    /** Flushes what Hibernate queued (the registrations the history refers to), then inserts the chunk's rows. */
    void write(EntityManager entityManager) {
        entityManager.flush();
        if (transmissions.isEmpty() && history.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            if (!transmissions.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO transmission (certification_id, transmitted_on, reference, recorded_at,
                            recorded_by, inferred)
                        VALUES (?, ?, ?, ?, ?, ?)""")) {
                    for (Transmission transmission : transmissions) {
                        insert.setObject(1, transmission.certificationId);
                        insert.setObject(2, transmission.transmittedOn);
                        insert.setString(3, transmission.reference);
                        insert.setObject(4, transmission.recordedAt.atOffset(ZoneOffset.UTC));
                        insert.setString(5, transmission.recordedBy);
                        insert.setBoolean(6, transmission.inferred);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            if (!history.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO registration_history (registration_id, certification_id, action, status,
                            details, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)""")) {
                    for (RegistrationHistoryEntry entry : history) {
                        insert.setObject(1, entry.registrationId);
                        insert.setObject(2, entry.certificationId);
                        insert.setString(3, entry.action);
                        insert.setString(4, entry.status);
                        insert.setString(5, entry.details.toString());
                        insert.setObject(6, entry.recordedAt.atOffset(ZoneOffset.UTC));
                        insert.setString(7, entry.recordedBy);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        });
    }
}
