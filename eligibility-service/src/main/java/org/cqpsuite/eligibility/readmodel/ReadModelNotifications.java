package org.cqpsuite.eligibility.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The read model announces its changes on a PostgreSQL channel ({@code NOTIFY}), which PostgreSQL delivers at commit
 * and only if the transaction commits, to every instance of the service listening on the same database. Each payload
 * names one changed certification and the directory codes it had before and after the change; {@value #EVERYTHING}
 * means the whole read model changed (a rebuild emptied it).
 */
public final class ReadModelNotifications {

    /** The PostgreSQL channel. */
    public static final String CHANNEL = "cqp_read_model";
    /** The payload saying that everything changed. */
    public static final String EVERYTHING = "*";

    private ReadModelNotifications() {
    }

    /** {@code "<certification id> CODE1 CODE2..."}: well under PostgreSQL's 8 000-byte payload limit. */
    public static String payload(UUID certificationId, Collection<String> codes) {
        StringBuilder payload = new StringBuilder(certificationId.toString());
        codes.forEach(code -> payload.append(' ').append(code));
        return payload.toString();
    }

    /** Queues the payloads on the connection's transaction (one round trip); they are delivered at its commit. */
    public static void announce(Connection connection, List<String> payloads) throws SQLException {
        if (payloads.isEmpty()) {
            return;
        }
        try (PreparedStatement notify = connection.prepareStatement(
                "SELECT pg_notify('" + CHANNEL + "', p) FROM unnest(?::text[]) AS p")) {
            notify.setArray(1, connection.createArrayOf("text", payloads.toArray()));
            notify.executeQuery().close();
        }
    }

    /** What a payload says: the certification and its codes, or everything. */
    record Change(UUID certificationId, List<String> codes) {

        static Change parse(String payload) {
            if (EVERYTHING.equals(payload)) {
                return null;
            }
            String[] parts = payload.split(" ");
            return new Change(UUID.fromString(parts[0]), List.of(parts).subList(1, parts.length));
        }
    }
}
