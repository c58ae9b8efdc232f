package org.cqpsuite.eligibility.rebuild;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.cqpsuite.eligibility.readmodel.ReadModelUnavailableException;

/**
 * A checksum of the whole read model (every row that answers depend on, and the applied sequence numbers; not the
 * times at which rows were written), so that two read models can be compared: the live one and a rebuilt one.
 */
@ApplicationScoped
public class ReadModelChecksum {

    /**
     * The counts and the checksum.
     *
     * @param certifications rows of {@code certification}
     * @param registrations rows of {@code registration}
     * @param appliedEvents (topic, certification) pairs with an applied sequence number
     * @param checksum MD5, hex, of every row in a fixed order
     */
    public record Summary(long certifications, long registrations, long appliedEvents, String checksum) {
    }

    private final AgroalDataSource dataSource;

    public ReadModelChecksum(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Summary summary() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT (SELECT count(*) FROM certification), (SELECT count(*) FROM registration),
                            (SELECT count(*) FROM applied_event),
                            md5(concat_ws('#',
                                (SELECT string_agg(c::text, '|' ORDER BY c.id) FROM certification c),
                                (SELECT string_agg(t::text, '|' ORDER BY t.certification_id) FROM transmission_record t),
                                (SELECT string_agg(r::text, '|' ORDER BY r.id) FROM registration r),
                                (SELECT string_agg(concat_ws(',', a.topic, a.certification_id, a.sequence), '|'
                                    ORDER BY a.topic, a.certification_id) FROM applied_event a)))""");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return new Summary(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4));
        } catch (SQLException e) {
            throw new ReadModelUnavailableException(e);
        }
    }
}
