package org.cqpsuite.eligibility.freshness;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cqpsuite.eligibility.readmodel.ReadModelUnavailableException;
import org.cqpsuite.events.certification.CertificationEvents;
import org.cqpsuite.events.registration.RegistrationEvents;

/** Freshness of the read model: what was applied (from the database) and what is still to read (from the broker). */
@ApplicationScoped
public class FreshnessService {

    static final List<String> TOPICS = List.of(CertificationEvents.TOPIC, RegistrationEvents.TOPIC);

    private final AgroalDataSource dataSource;
    private final ConsumerLag consumerLag;

    public FreshnessService(AgroalDataSource dataSource, ConsumerLag consumerLag) {
        this.dataSource = dataSource;
        this.consumerLag = consumerLag;
    }

    public FreshnessView freshness() {
        Map<String, Long> lag = null;
        String lagError = null;
        try {
            lag = consumerLag.of(TOPICS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            lagError = "the broker did not answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Map<String, FreshnessView.TopicFreshness> byTopic = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT topic, last_event_time, last_applied_at, applied, ignored, gaps FROM topic_progress");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String topic = rows.getString(1);
                byTopic.put(topic, new FreshnessView.TopicFreshness(topic, instant(rows.getTimestamp(2)),
                        instant(rows.getTimestamp(3)), rows.getLong(4), rows.getLong(5), rows.getLong(6),
                        lag == null ? null : lag.get(topic)));
            }
        } catch (SQLException e) {
            throw new ReadModelUnavailableException(e);
        }
        List<FreshnessView.TopicFreshness> topics = new ArrayList<>();
        Instant dataAsOf = null;
        for (String topic : TOPICS) {
            FreshnessView.TopicFreshness t = byTopic.getOrDefault(topic, new FreshnessView.TopicFreshness(topic,
                    null, null, 0, 0, 0, lag == null ? null : lag.get(topic)));
            topics.add(t);
            if (t.lastEventTime() != null && (dataAsOf == null || t.lastEventTime().isAfter(dataAsOf))) {
                dataAsOf = t.lastEventTime();
            }
        }
        return new FreshnessView(dataAsOf, topics, lagError);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
