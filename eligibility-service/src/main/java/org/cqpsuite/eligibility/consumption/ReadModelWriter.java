package org.cqpsuite.eligibility.consumption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cqpsuite.events.certification.CertificationState;
import org.cqpsuite.events.registration.BlockState;
import org.cqpsuite.events.registration.RegistrationEntry;
import org.cqpsuite.events.registration.RegistrationState;
import org.cqpsuite.events.registration.TransmissionState;

/**
 * Applies one change to the read model, in one transaction, exactly once in effect: the change is applied only if its
 * sequence number is greater than the last one applied for its certification and topic ({@code applied_event}), which
 * makes redeliveries and late events harmless. Each event carries the full state, so applying one replaces the
 * certification's rows: a gap loses nothing but is logged and counted, because it means an event was missed.
 *
 * <p>Plain JDBC rather than Hibernate: every statement is an upsert or a replacement of rows, conditional on the
 * sequence number, which SQL says in one statement each.
 */
@ApplicationScoped
public class ReadModelWriter {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public ReadModelWriter(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Applies the change if it is newer than what was applied; joins the caller's transaction, or starts one. */
    @Transactional
    public ApplyOutcome apply(ReadModelChange change) {
        try (Connection connection = dataSource.getConnection()) {
            Long previous = lockApplied(connection, change);
            if (previous != null && previous >= change.sequence()) {
                progress(connection, change, false, false);
                return previous == change.sequence() ? ApplyOutcome.DUPLICATE : ApplyOutcome.STALE;
            }
            if (!markApplied(connection, change)) {
                // Another transaction (a rebuild running beside the live consumer) applied a newer one meanwhile.
                progress(connection, change, false, false);
                return ApplyOutcome.STALE;
            }
            if (change instanceof ReadModelChange.CertificationChange c) {
                writeCertification(connection, c);
            } else {
                writeRegistrations(connection, (ReadModelChange.RegistrationChange) change);
            }
            boolean gap = change.sequence() > (previous == null ? 0 : previous) + 1;
            progress(connection, change, true, gap);
            return gap ? ApplyOutcome.APPLIED_AFTER_GAP : ApplyOutcome.APPLIED;
        } catch (SQLException e) {
            throw new ReadModelException("Could not apply " + change.type() + " #" + change.sequence() + " of "
                    + change.certificationId(), e);
        }
    }

    private static Long lockApplied(Connection connection, ReadModelChange change) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sequence FROM applied_event WHERE topic = ? AND certification_id = ? FOR UPDATE")) {
            select.setString(1, change.topic());
            select.setObject(2, change.certificationId());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    /** Records the sequence number; false when a newer or equal one is there (a concurrent first insert). */
    private static boolean markApplied(Connection connection, ReadModelChange change) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO applied_event (topic, certification_id, sequence, applied_at) VALUES (?, ?, ?, now())
                ON CONFLICT (topic, certification_id) DO UPDATE SET sequence = EXCLUDED.sequence, applied_at = now()
                WHERE applied_event.sequence < EXCLUDED.sequence""")) {
            upsert.setString(1, change.topic());
            upsert.setObject(2, change.certificationId());
            upsert.setLong(3, change.sequence());
            return upsert.executeUpdate() == 1;
        }
    }

    private void writeCertification(Connection connection, ReadModelChange.CertificationChange change)
            throws SQLException {
        CertificationState state = change.state();
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO certification (id, kind, title, status, cpnes, carrying_branches, nsf_codes, rome_codes,
                    search_text, event_time)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title,
                    status = EXCLUDED.status, cpnes = EXCLUDED.cpnes, carrying_branches = EXCLUDED.carrying_branches,
                    nsf_codes = EXCLUDED.nsf_codes, rome_codes = EXCLUDED.rome_codes,
                    search_text = EXCLUDED.search_text, event_time = EXCLUDED.event_time""")) {
            upsert.setObject(1, state.id());
            upsert.setString(2, state.kind());
            upsert.setString(3, state.title());
            upsert.setString(4, state.status());
            upsert.setString(5, cpnes(state));
            upsert.setArray(6, connection.createArrayOf("varchar", state.carryingBranches().toArray()));
            upsert.setArray(7, connection.createArrayOf("varchar", state.nsfCodes().toArray()));
            upsert.setArray(8, connection.createArrayOf("varchar", state.romeCodes().toArray()));
            upsert.setString(9, searchText(state.title()));
            upsert.setTimestamp(10, Timestamp.from(change.time()));
            upsert.executeUpdate();
        }
    }

    private String cpnes(CertificationState state) {
        try {
            return json.writeValueAsString(state.cpnes().stream()
                    .map(c -> Map.of("name", c.name() == null ? "" : c.name(), "idcc", c.idcc())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CPNEs are plain strings", e);
        }
    }

    private static void writeRegistrations(Connection connection, ReadModelChange.RegistrationChange change)
            throws SQLException {
        RegistrationState state = change.state();
        List<LocalDate> dates = state.transmissions().stream().map(TransmissionState::transmittedOn).toList();
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO transmission_record (certification_id, transmission_dates, transmitted_on, event_time)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (certification_id) DO UPDATE SET transmission_dates = EXCLUDED.transmission_dates,
                    transmitted_on = EXCLUDED.transmitted_on, event_time = EXCLUDED.event_time""")) {
            upsert.setObject(1, change.certificationId());
            upsert.setArray(2, connection.createArrayOf("date", dates.stream().map(Date::valueOf).toArray()));
            upsert.setObject(3, dates.isEmpty() ? null : dates.get(dates.size() - 1), Types.DATE);
            upsert.setTimestamp(4, Timestamp.from(change.time()));
            upsert.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM registration WHERE certification_id = ?")) {
            delete.setObject(1, change.certificationId());
            delete.executeUpdate();
        }
        if (state.registrations().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO registration (id, certification_id, position, directory, code, status, effective_from,
                    ends_on, decided_on, level, block_codes, withdrawn_on, successor_id, successor_code, legal_basis)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int position = 0;
            for (RegistrationEntry entry : state.registrations()) {
                insert.setObject(1, entry.id());
                insert.setObject(2, change.certificationId());
                insert.setInt(3, position++);
                insert.setString(4, entry.directory());
                insert.setString(5, upper(entry.code()));
                insert.setString(6, entry.status());
                insert.setObject(7, entry.effectiveFrom(), Types.DATE);
                insert.setObject(8, entry.endsOn(), Types.DATE);
                insert.setObject(9, entry.decidedOn(), Types.DATE);
                insert.setObject(10, entry.level(), Types.SMALLINT);
                insert.setArray(11, connection.createArrayOf("varchar",
                        entry.blocks().stream().map(BlockState::code).map(ReadModelWriter::upper).toArray()));
                insert.setObject(12, entry.withdrawnOn(), Types.DATE);
                insert.setObject(13, entry.successorId());
                insert.setString(14, upper(entry.successorCode()));
                insert.setString(15, entry.legalBasis());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void progress(Connection connection, ReadModelChange change, boolean applied, boolean gap)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO topic_progress AS p (topic, last_event_time, last_applied_at, applied, ignored, gaps)
                VALUES (?, ?, now(), ?, ?, ?)
                ON CONFLICT (topic) DO UPDATE SET
                    last_event_time = GREATEST(p.last_event_time, EXCLUDED.last_event_time),
                    last_applied_at = now(), applied = p.applied + EXCLUDED.applied,
                    ignored = p.ignored + EXCLUDED.ignored, gaps = p.gaps + EXCLUDED.gaps""")) {
            upsert.setString(1, change.topic());
            upsert.setTimestamp(2, applied ? Timestamp.from(change.time()) : null);
            upsert.setLong(3, applied ? 1 : 0);
            upsert.setLong(4, applied ? 0 : 1);
            upsert.setLong(5, gap ? 1 : 0);
            upsert.executeUpdate();
        }
    }

    private static String upper(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /** Lower case without accents, so that {@code "electricite"} finds {@code "Électricité"}. */
    public static String searchText(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
