package org.cqpsuite.eligibility.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cqpsuite.eligibility.rules.CertificationFacts;
import org.cqpsuite.eligibility.rules.RegistrationFacts;

/**
 * Reads the read model: certifications by id or by directory code, and the time of the last applied event. Answers
 * come from {@link ReadModelCache} when it has them (the hot path of every question costs no database round trip),
 * from the database otherwise.
 */
@ApplicationScoped
public class ReadModelReader {

    private static final TypeReference<List<CertificationRecord.Cpne>> CPNES = new TypeReference<>() {
    };

    /** Distinct recurring values shared by the records read (see {@link Canonical}): a few MB at most. */
    private static final int SHARED_VALUES = 100_000;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final ReadModelCache cache;
    private final Canonical canonical = new Canonical(SHARED_VALUES);

    public ReadModelReader(AgroalDataSource dataSource, ObjectMapper json, ReadModelCache cache) {
        this.dataSource = dataSource;
        this.json = json;
        this.cache = cache;
    }

    /**
     * The certification that a directory code ({@code RNCP34486}, {@code RS5568}; upper case) belongs to. A code names
     * one directory entry; should two certifications carry it (a data error upstream), the one registered last wins.
     */
    public Optional<UUID> certificationIdOf(String code) {
        return certificationIdsOf(List.of(code)).values().stream().findFirst();
    }

    /** The certifications of several codes (upper case), by code; unknown codes are left out. */
    public Map<String, UUID> certificationIdsOf(Collection<String> codes) {
        if (!cache.active()) {
            return loadIds(codes);
        }
        long readAt = cache.generation();
        Map<String, UUID> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            Optional<UUID> cached = cache.idOf(code);
            if (cached == null) {
                missing.add(code);
            } else {
                cached.ifPresent(id -> found.put(code, id));
            }
        }
        if (!missing.isEmpty()) {
            Map<String, UUID> loaded = loadIds(missing);
            for (String code : missing) {
                UUID id = loaded.get(code);
                cache.keepId(code, Optional.ofNullable(id), readAt);
                if (id != null) {
                    found.put(code, id);
                }
            }
        }
        return found;
    }

    private Map<String, UUID> loadIds(Collection<String> codes) {
        Map<String, UUID> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(codes.size() == 1 ? """
                        SELECT code, certification_id FROM registration WHERE code = ?
                        ORDER BY effective_from DESC NULLS LAST, position DESC LIMIT 1""" : """
                        SELECT DISTINCT ON (code) code, certification_id FROM registration WHERE code = ANY(?)
                        ORDER BY code, effective_from DESC NULLS LAST, position DESC""")) {
            bind(select, connection, "varchar", codes);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getObject(2, UUID.class));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new ReadModelUnavailableException(e);
        }
    }

    /**
     * Binds the values of {@code column = ?} (one value) or {@code column = ANY(?)} (several). A question about one
     * code is the common case: with a scalar, PostgreSQL settles on a generic plan of the prepared statement after
     * five executions; with a one-element array it estimates ten rows and plans every execution again.
     */
    private static void bind(PreparedStatement select, Connection connection, String type, Collection<?> values)
            throws SQLException {
        if (values.size() == 1) {
            select.setObject(1, values.iterator().next());
        } else {
            select.setArray(1, connection.createArrayOf(type, values.toArray()));
        }
    }

    /** The certification, if its certification event was applied. */
    public Optional<CertificationRecord> find(UUID id) {
        return Optional.ofNullable(findAll(List.of(id)).get(id));
    }

    /** The certifications whose certification event was applied, by id, in the order of {@code ids}. */
    public Map<UUID, CertificationRecord> findAll(Collection<UUID> ids) {
        if (!cache.active()) {
            return load(ids);
        }
        long readAt = cache.generation();
        Map<UUID, Optional<CertificationRecord>> known = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            Optional<CertificationRecord> cached = cache.certification(id);
            if (cached == null) {
                missing.add(id);
            } else {
                known.put(id, cached);
            }
        }
        if (!missing.isEmpty()) {
            Map<UUID, CertificationRecord> loaded = load(missing);
            for (UUID id : missing) {
                Optional<CertificationRecord> record = Optional.ofNullable(loaded.get(id));
                cache.keepCertification(id, record, readAt);
                known.put(id, record);
            }
        }
        Map<UUID, CertificationRecord> found = new LinkedHashMap<>();
        for (UUID id : ids) {
            known.get(id).ifPresent(record -> found.put(id, record));
        }
        return found;
    }

    private Map<UUID, CertificationRecord> load(Collection<UUID> ids) {
        Map<UUID, CertificationRecord> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        String where = ids.size() == 1 ? "= ?" : "= ANY(?)";
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, List<RegistrationFacts>> registrations = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT certification_id, id, directory, code, status, effective_from, ends_on, decided_on, level,
                        block_codes, withdrawn_on, successor_id, successor_code, legal_basis
                    FROM registration WHERE certification_id %s ORDER BY certification_id, position"""
                    .formatted(where))) {
                bind(select, connection, "uuid", ids);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        registrations.computeIfAbsent(rows.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(registration(rows));
                    }
                }
            }
            Map<UUID, CertificationRecord> byId = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT c.id, c.kind, c.title, c.status, c.cpnes, c.carrying_branches, c.rome_codes,
                        t.transmission_dates
                    FROM certification c LEFT JOIN transmission_record t ON t.certification_id = c.id
                    WHERE c.id %s""".formatted(where))) {
                bind(select, connection, "uuid", ids);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        byId.put(id, new CertificationRecord(id, CertificationFacts.Kind.valueOf(rows.getString(2)),
                                rows.getString(3), canonical.of(rows.getString(4)), cpnes(rows.getString(5)),
                                canonical.list(strings(rows, 6)), canonical.list(strings(rows, 7)),
                                canonical.list(dates(rows, 8)), registrations.getOrDefault(id, List.of())));
                    }
                }
            }
            for (UUID id : ids) {
                CertificationRecord record = byId.get(id);
                if (record != null) {
                    found.put(id, record);
                }
            }
            return found;
        } catch (SQLException e) {
            throw new ReadModelUnavailableException(e);
        }
    }

    /** How many certifications the read model holds. */
    long certificationCount() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM certification");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new ReadModelUnavailableException(e);
        }
    }

    /**
     * Up to {@code limit} certification ids of the read model after {@code after} ({@code null}: from the first), in
     * id order: the pages of {@link ReadModelCacheFiller}'s walk through the read model.
     */
    List<UUID> certificationIdsAfter(UUID after, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(after == null
                        ? "SELECT id FROM certification ORDER BY id LIMIT ?"
                        : "SELECT id FROM certification WHERE id > ? ORDER BY id LIMIT ?")) {
            int index = 1;
            if (after != null) {
                select.setObject(index++, after);
            }
            select.setInt(index, limit);
            List<UUID> ids = new ArrayList<>(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new ReadModelUnavailableException(e);
        }
    }

    /**
     * Reads the certifications and the certification of each of their codes, and has the cache keep them, as a
     * question about each would have (the code of two certifications is the one registered last, whichever of the two
     * is loaded). Also reads the time of the last applied event, which answers from memory need.
     *
     * @return whether the cache kept all of it: {@code false} when a change was announced while reading (what was read
     *         may be old), or the cache is off
     */
    boolean fill(Collection<UUID> ids) {
        if (!cache.active()) {
            return false;
        }
        long readAt = cache.generation();
        Map<UUID, CertificationRecord> loaded = load(ids);
        // The caches' keys are the records' own id and code instances, not copies read again (32 and 56 bytes each).
        Map<String, String> codes = new HashMap<>();
        loaded.values().forEach(record -> record.registrations().stream().map(RegistrationFacts::code)
                .filter(Objects::nonNull).forEach(code -> codes.put(code, code)));
        Map<String, UUID> owners = loadIds(codes.keySet());
        for (UUID id : ids) {
            CertificationRecord record = loaded.get(id);
            cache.keepCertification(record == null ? id : record.id(), Optional.ofNullable(record), readAt);
        }
        owners.forEach((code, id) -> {
            CertificationRecord owner = loaded.get(id);
            cache.keepId(codes.getOrDefault(code, code), Optional.of(owner == null ? id : owner.id()), readAt);
        });
        lastEventTime();
        return cache.active() && cache.generation() == readAt;
    }

    /**
     * What a question by code needs, from memory only, never from the database: the code's certification (empty when
     * the code is known to be nobody's) and the time of the last applied event. {@code null} when any of it is not in
     * the cache; the caller then asks {@link #certificationIdOf}, {@link #find} and {@link #lastEventTime}, off the
     * event loop.
     */
    public InMemory inMemory(String code) {
        Optional<Instant> dataAsOf = cache.dataAsOfIfKnown();
        Optional<UUID> id = dataAsOf == null ? null : cache.idOf(code);
        if (id == null) {
            return null;
        }
        if (id.isEmpty()) {
            return new InMemory(Optional.empty(), dataAsOf.orElse(null));
        }
        Optional<CertificationRecord> certification = cache.certification(id.get());
        return certification == null ? null : new InMemory(certification, dataAsOf.orElse(null));
    }

    /**
     * A code's certification and {@code dataAsOf}, as the cache holds them.
     *
     * @param certification empty when no certification of the read model carries the code
     * @param dataAsOf the time of the last applied event, {@code null} before the first
     */
    public record InMemory(Optional<CertificationRecord> certification, Instant dataAsOf) {
    }

    /** The time of the last applied event of either topic ({@code dataAsOf}), or {@code null} before the first. */
    public Instant lastEventTime() {
        return cache.dataAsOf(() -> Optional.ofNullable(loadLastEventTime())).orElse(null);
    }

    private Instant loadLastEventTime() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT max(last_event_time) FROM topic_progress");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            Timestamp time = rows.getTimestamp(1);
            return time == null ? null : time.toInstant();
        } catch (SQLException e) {
            throw new ReadModelUnavailableException(e);
        }
    }

    private RegistrationFacts registration(ResultSet rows) throws SQLException {
        int level = rows.getInt(9);
        Integer boxedLevel = rows.wasNull() ? null : level;
        return new RegistrationFacts(rows.getObject(2, UUID.class),
                RegistrationFacts.Directory.valueOf(rows.getString(3)), rows.getString(4),
                RegistrationFacts.Status.valueOf(rows.getString(5)), canonical.of(date(rows, 6)),
                canonical.of(date(rows, 7)), canonical.of(date(rows, 8)), boxedLevel, strings(rows, 10),
                canonical.of(date(rows, 11)), rows.getObject(12, UUID.class), rows.getString(13),
                canonical.of(rows.getString(14)));
    }

    private List<CertificationRecord.Cpne> cpnes(String value) {
        try {
            List<CertificationRecord.Cpne> read = json.readValue(value, CPNES);
            List<CertificationRecord.Cpne> shared = new ArrayList<>(read.size());
            for (CertificationRecord.Cpne cpne : read) {
                shared.add(new CertificationRecord.Cpne(canonical.of(cpne.name()), canonical.of(cpne.idcc())));
            }
            return canonical.list(shared);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The read model's cpnes column holds JSON written by ReadModelWriter", e);
        }
    }

    static LocalDate date(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, LocalDate.class);
    }

    static List<String> strings(ResultSet rows, int column) throws SQLException {
        Array array = rows.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static List<LocalDate> dates(ResultSet rows, int column) throws SQLException {
        Array array = rows.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Date[]) array.getArray()).map(Date::toLocalDate).toList();
    }
}
