package org.cqpsuite.eligibility.freshness;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the read model's freshness in the readiness details. It stays UP however large the lag: a backlog is no
 * reason to stop answering (every answer says how fresh it is), and taking every instance out at once would be worse;
 * the database and broker checks decide readiness.
 */
@Readiness
@ApplicationScoped
public class FreshnessHealthCheck implements HealthCheck {

    private final FreshnessService freshness;

    public FreshnessHealthCheck(FreshnessService freshness) {
        this.freshness = freshness;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("eligibility-read-model").up();
        try {
            FreshnessView view = freshness.freshness();
            response.withData("dataAsOf", String.valueOf(view.dataAsOf()));
            for (FreshnessView.TopicFreshness topic : view.topics()) {
                response.withData(topic.topic() + ".lastEventTime", String.valueOf(topic.lastEventTime()));
                response.withData(topic.topic() + ".lag", topic.lag() == null ? "unknown" : topic.lag().toString());
            }
            if (view.lagError() != null) {
                response.withData("lagError", view.lagError());
            }
        } catch (RuntimeException e) {
            response.withData("error", "freshness unknown: " + e.getMessage());
        }
        return response.build();
    }
}
