package org.cqpsuite.eligibility.consumption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.cqpsuite.events.certification.CertificationState;
import org.cqpsuite.events.registration.BlockState;
import org.cqpsuite.events.registration.RegistrationEntry;
import org.cqpsuite.eligibility.readmodel.ReadModelCache;
import org.cqpsuite.eligibility.readmodel.ReadModelNotifications;
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
    private final ReadModelCache cache;
    private final TransactionSynchronizationRegistry transactions;

    public ReadModelWriter(AgroalDataSource dataSource, ObjectMapper json, ReadModelCache cache,
            TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.json = json;
        this.cache = cache;
        this.transactions = transactions;
    }

    /** Applies the change if it is newer than what was applied; joins the caller's transaction, or starts one. */
    @Transactional
    public ApplyOutcome apply(ReadModelChange change) {
        return applyAll(List.of(change)).get(0);
    }

    /**
     * Applies a batch of changes (one poll of the topics) in the caller's transaction, or in one of its own, with a
     * few statements for the whole batch instead of a few per event. Each event carries its certification's full
     * state, so of several events of one certification and topic only the newest is written; the older ones count as
     * applied, exactly as if they had been applied one after the other. Returns one outcome per change, in order.
     *
     * <p>Every certification written is announced on the {@value ReadModelNotifications#CHANNEL} channel (PostgreSQL
     * {@code NOTIFY}, delivered at commit) with its directory codes before and after, so that every instance's
     * {@link ReadModelCache} forgets exactly what changed; this instance's forgets it as soon as the transaction ends.
     */
    @Transactional
    public List<ApplyOutcome> applyAll(List<ReadModelChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        ApplyOutcome[] outcomes = new ApplyOutcome[changes.size()];
        // Sorted keys: every transaction locks and inserts rows in the same order, so two of them (the live
        // consumer and a rebuild) wait for each other instead of deadlocking.
        TreeMap<AppliedKey, List<Integer>> byKey = new TreeMap<>();
        for (int i = 0; i < changes.size(); i++) {
            byKey.computeIfAbsent(AppliedKey.of(changes.get(i)), k -> new ArrayList<>()).add(i);
        }
        try (Connection connection = dataSource.getConnection()) {
            Map<AppliedKey, Long> previous = lockApplied(connection, byKey.keySet());
            Map<AppliedKey, Integer> newest = new LinkedHashMap<>();
            for (Map.Entry<AppliedKey, List<Integer>> entry : byKey.entrySet()) {
                List<Integer> indexes = entry.getValue();
                indexes.sort(Comparator.comparingLong((Integer i) -> changes.get(i).sequence()));
                long last = previous.getOrDefault(entry.getKey(), 0L);
                for (int index : indexes) {
                    long sequence = changes.get(index).sequence();
                    if (sequence <= last) {
                        outcomes[index] = sequence == last ? ApplyOutcome.DUPLICATE : ApplyOutcome.STALE;
                    } else {
                        outcomes[index] = sequence > last + 1 ? ApplyOutcome.APPLIED_AFTER_GAP : ApplyOutcome.APPLIED;
                        last = sequence;
                        newest.put(entry.getKey(), index);
                    }
                }
            }
            List<ReadModelChange> toWrite = new ArrayList<>();
            int[] marked = markApplied(connection, newest.values().stream().map(changes::get).toList());
            int position = 0;
            for (Map.Entry<AppliedKey, Integer> entry : newest.entrySet()) {
                if (marked[position++] == 1) {
                    toWrite.add(changes.get(entry.getValue()));
                } else {
                    // Another transaction (a rebuild running beside the live consumer) applied a newer one meanwhile.
                    for (int index : byKey.get(entry.getKey())) {
                        if (outcomes[index].applied()) {
                            outcomes[index] = ApplyOutcome.STALE;
                        }
                    }
                }
            }
            List<String> announcements = new ArrayList<>();
            writeCertifications(connection, toWrite, announcements);
            writeRegistrations(connection, toWrite, announcements);
            progress(connection, changes, outcomes);
            ReadModelNotifications.announce(connection, announcements);
            // This instance forgets at once (a question right after the write sees it); the others on NOTIFY.
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    cache.forgetAnnounced(announcements);
                }
            });
            return List.of(outcomes);
        } catch (SQLException e) {
            ReadModelChange first = changes.get(0);
            throw new ReadModelException("Could not apply " + changes.size() + " event(s), the first " + first.type()
                    + " #" + first.sequence() + " of " + first.certificationId(), e);
        }
    }

    /** What {@code applied_event} is keyed by: the sequence numbers of the two topics are independent. */
    record AppliedKey(String topic, UUID certificationId) implements Comparable<AppliedKey> {

        static AppliedKey of(ReadModelChange change) {
            return new AppliedKey(change.topic(), change.certificationId());
        }

        @Override
        public int compareTo(AppliedKey other) {
            int byTopic = topic.compareTo(other.topic);
            return byTopic != 0 ? byTopic : certificationId.compareTo(other.certificationId);
        }
    }

    private static Map<AppliedKey, Long> lockApplied(Connection connection, Collection<AppliedKey> keys)
            throws SQLException {
        Map<AppliedKey, Long> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT a.topic, a.certification_id, a.sequence FROM applied_event a
                JOIN unnest(?::varchar[], ?::uuid[]) AS k(topic, certification_id)
                    ON a.topic = k.topic AND a.certification_id = k.certification_id
                ORDER BY a.topic, a.certification_id FOR UPDATE OF a""")) {
            select.setArray(1, connection.createArrayOf("varchar", keys.stream().map(AppliedKey::topic).toArray()));
            select.setArray(2, connection.createArrayOf("uuid",
                    keys.stream().map(AppliedKey::certificationId).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(new AppliedKey(rows.getString(1), rows.getObject(2, UUID.class)), rows.getLong(3));
                }
            }
        }
        return found;
    }

    /**
     * Records the sequence numbers; an element of the result is 0 where a newer or equal one is there (a concurrent
     * first insert), 1 where it was recorded.
     */
    private static int[] markApplied(Connection connection, List<ReadModelChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return new int[0];
        }
        // One statement for the whole poll, and it says which rows it recorded (a batch's update counts would not,
        // once the driver rewrites batched inserts into multi-row ones: reWriteBatchedInserts).
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO applied_event (topic, certification_id, sequence, applied_at)
                SELECT t, c, s, now() FROM unnest(?::varchar[], ?::uuid[], ?::bigint[]) AS u (t, c, s)
                ON CONFLICT (topic, certification_id) DO UPDATE SET sequence = EXCLUDED.sequence, applied_at = now()
                WHERE applied_event.sequence < EXCLUDED.sequence
                RETURNING topic, certification_id""")) {
            upsert.setArray(1, connection.createArrayOf("varchar",
                    changes.stream().map(ReadModelChange::topic).toArray()));
            upsert.setArray(2, connection.createArrayOf("uuid",
                    changes.stream().map(ReadModelChange::certificationId).toArray()));
            upsert.setArray(3, connection.createArrayOf("bigint",
                    changes.stream().map(ReadModelChange::sequence).toArray()));
            Set<AppliedKey> recorded = new HashSet<>();
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    recorded.add(new AppliedKey(rows.getString(1), rows.getObject(2, UUID.class)));
                }
            }
            int[] marked = new int[changes.size()];
            for (int i = 0; i < marked.length; i++) {
                marked[i] = recorded.contains(AppliedKey.of(changes.get(i))) ? 1 : 0;
            }
            return marked;
        }
    }

    private void writeCertifications(Connection connection, List<ReadModelChange> changes,
            List<String> announcements) throws SQLException {
        List<ReadModelChange.CertificationChange> certifications = changes.stream()
                .filter(ReadModelChange.CertificationChange.class::isInstance)
                .map(ReadModelChange.CertificationChange.class::cast).toList();
        if (certifications.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO certification (id, kind, title, status, cpnes, carrying_branches, nsf_codes, rome_codes,
                    search_text, event_time)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title,
                    status = EXCLUDED.status, cpnes = EXCLUDED.cpnes, carrying_branches = EXCLUDED.carrying_branches,
                    nsf_codes = EXCLUDED.nsf_codes, rome_codes = EXCLUDED.rome_codes,
                    search_text = EXCLUDED.search_text, event_time = EXCLUDED.event_time""")) {
            for (ReadModelChange.CertificationChange change : certifications) {
                CertificationState state = change.state();
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
                upsert.addBatch();
                // Its codes are those of its registrations, which this event does not change.
                announcements.add(change.certificationId().toString());
            }
            upsert.executeBatch();
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

    private static void writeRegistrations(Connection connection, List<ReadModelChange> changes,
            List<String> announcements) throws SQLException {
        List<ReadModelChange.RegistrationChange> registrations = changes.stream()
                .filter(ReadModelChange.RegistrationChange.class::isInstance)
                .map(ReadModelChange.RegistrationChange.class::cast).toList();
        if (registrations.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO transmission_record (certification_id, transmission_dates, transmitted_on, event_time)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (certification_id) DO UPDATE SET transmission_dates = EXCLUDED.transmission_dates,
                    transmitted_on = EXCLUDED.transmitted_on, event_time = EXCLUDED.event_time""")) {
            for (ReadModelChange.RegistrationChange change : registrations) {
                List<LocalDate> dates = change.state().transmissions().stream()
                        .map(TransmissionState::transmittedOn).toList();
                upsert.setObject(1, change.certificationId());
                upsert.setArray(2, connection.createArrayOf("date", dates.stream().map(Date::valueOf).toArray()));
                upsert.setObject(3, dates.isEmpty() ? null : dates.get(dates.size() - 1), Types.DATE);
                upsert.setTimestamp(4, Timestamp.from(change.time()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        // The codes each certification had before this change: a code it loses must be forgotten by the caches too.
        Map<UUID, Set<String>> codes = new LinkedHashMap<>();
        registrations.forEach(change -> codes.put(change.certificationId(), new TreeSet<>()));
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM registration WHERE certification_id = ANY(?) RETURNING certification_id, code")) {
            delete.setArray(1, connection.createArrayOf("uuid", codes.keySet().toArray()));
            try (ResultSet rows = delete.executeQuery()) {
                while (rows.next()) {
                    String code = rows.getString(2);
                    if (code != null) {
                        codes.get(rows.getObject(1, UUID.class)).add(code);
                    }
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO registration (id, certification_id, position, directory, code, status, effective_from,
                    ends_on, decided_on, level, block_codes, withdrawn_on, successor_id, successor_code, legal_basis)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            boolean any = false;
            for (ReadModelChange.RegistrationChange change : registrations) {
                int position = 0;
                for (RegistrationEntry entry : change.state().registrations()) {
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
                    any = true;
                    if (entry.code() != null) {
                        codes.get(change.certificationId()).add(upper(entry.code()));
                    }
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
        codes.forEach((id, its) -> announcements.add(ReadModelNotifications.payload(id, its)));
    }

    /** Adds the batch's counts to each topic's progress, in topic order (the rows are locked in that order). */
    private static void progress(Connection connection, List<ReadModelChange> changes, ApplyOutcome[] outcomes)
            throws SQLException {
        Map<String, long[]> counts = new TreeMap<>(); // applied, ignored, gaps
        Map<String, Instant> lastEventTime = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            ReadModelChange change = changes.get(i);
            long[] count = counts.computeIfAbsent(change.topic(), t -> new long[3]);
            if (outcomes[i].applied()) {
                count[0]++;
                lastEventTime.merge(change.topic(), change.time(), (a, b) -> a.isAfter(b) ? a : b);
            } else {
                count[1]++;
            }
            if (outcomes[i] == ApplyOutcome.APPLIED_AFTER_GAP) {
                count[2]++;
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO topic_progress AS p (topic, last_event_time, last_applied_at, applied, ignored, gaps)
                VALUES (?, ?, now(), ?, ?, ?)
                ON CONFLICT (topic) DO UPDATE SET
                    last_event_time = GREATEST(p.last_event_time, EXCLUDED.last_event_time),
                    last_applied_at = now(), applied = p.applied + EXCLUDED.applied,
                    ignored = p.ignored + EXCLUDED.ignored, gaps = p.gaps + EXCLUDED.gaps""")) {
            for (Map.Entry<String, long[]> entry : counts.entrySet()) {
                Instant time = lastEventTime.get(entry.getKey());
                upsert.setString(1, entry.getKey());
                upsert.setTimestamp(2, time == null ? null : Timestamp.from(time));
                upsert.setLong(3, entry.getValue()[0]);
                upsert.setLong(4, entry.getValue()[1]);
                upsert.setLong(5, entry.getValue()[2]);
                upsert.addBatch();
            }
            upsert.executeBatch();
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
