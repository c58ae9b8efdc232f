package org.cqpsuite.eligibility.catalogue;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cqpsuite.eligibility.consumption.ReadModelWriter;
import org.cqpsuite.eligibility.readmodel.ReadModelUnavailableException;
import org.cqpsuite.eligibility.rules.CpfEligibility;

/**
 * Selects, in SQL, the certifications CPF-eligible on a date: the same rule as {@link CpfEligibility} without a block
 * (legal existence, then the preferred registration in force), so that paging and the total are done by the
 * database. {@code CatalogueQueryTest} checks it against the Java rule on generated certifications.
 */
@ApplicationScoped
public class CatalogueQuery {

    /**
     * The filters.
     *
     * @param date the date
     * @param idcc only those recognised in this branch (4 digits), or {@code null}
     * @param level only those whose RNCP basis attributes this level, or {@code null}
     * @param rome only those with this ROME code, or {@code null}
     * @param text only those whose title contains this text (accents and case ignored) or with a registration of
     *        this code, or {@code null}
     */
    public record Filters(LocalDate date, String idcc, Integer level, String rome, String text) {
    }

    /** A page of ids, by title, and the total. */
    public record Result(List<UUID> ids, long total) {
    }

    private final AgroalDataSource dataSource;

    public CatalogueQuery(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Result find(Filters filters, int page, int size) {
        List<Object> parameters = new ArrayList<>();
        String from = from(filters, parameters);
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) " + from)) {
                bind(count, parameters);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT c.id " + from + " ORDER BY c.title, c.id LIMIT ? OFFSET ?")) {
                List<Object> paged = new ArrayList<>(parameters);
                paged.add(size);
                paged.add((long) page * size);
                bind(select, paged);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            return new Result(ids, total);
        } catch (SQLException e) {
            throw new ReadModelUnavailableException(e);
        }
    }

    private static String from(Filters f, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("""
                FROM certification c
                LEFT JOIN transmission_record t ON t.certification_id = c.id
                CROSS JOIN LATERAL (
                    SELECT r.directory, r.code, r.level, r.decided_on FROM registration r
                    WHERE r.certification_id = c.id
                      AND r.status NOT IN ('REQUESTED', 'REFUSED') AND r.effective_from IS NOT NULL
                      AND r.effective_from <= ? AND (r.ends_on IS NULL OR r.ends_on >= ?)
                      AND (r.withdrawn_on IS NULL OR r.withdrawn_on > ?)
                    ORDER BY (r.directory = 'RNCP') DESC, r.effective_from DESC, r.decided_on DESC NULLS LAST,
                        r.position
                    LIMIT 1) b
                WHERE (c.kind = 'OTHER' OR t.transmitted_on <= ?)
                """);
        parameters.add(f.date());
        parameters.add(f.date());
        parameters.add(f.date());
        parameters.add(f.date());
        if (f.level() != null) {
            sql.append(" AND b.directory = 'RNCP' AND b.level = ? AND b.decided_on >= ?");
            parameters.add(f.level());
            parameters.add(CpfEligibility.FIRST_LEVEL_DECISION);
        }
        if (f.idcc() != null) {
            // Recognised in the branch: an RNCP basis (every branch), or a carrying branch.
            sql.append(" AND (b.directory = 'RNCP' OR ? = ANY(c.carrying_branches))");
            parameters.add(f.idcc());
        }
        if (f.rome() != null) {
            sql.append(" AND ? = ANY(c.rome_codes)");
            parameters.add(f.rome());
        }
        if (f.text() != null) {
            sql.append(" AND (c.search_text LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM registration x"
                    + " WHERE x.certification_id = c.id AND x.code = upper(?)))");
            String folded = ReadModelWriter.searchText(f.text().strip())
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            parameters.add("%" + folded + "%");
            parameters.add(f.text().strip());
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
