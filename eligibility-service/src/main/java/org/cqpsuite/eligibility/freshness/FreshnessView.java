package org.cqpsuite.eligibility.freshness;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How fresh the read model is.
 *
 * @param dataAsOf the time of the last applied event of either topic, {@code null} before the first
 * @param topics per topic
 * @param lagError why the consumer lag is unknown (broker unreachable), or {@code null}
 */
@Schema(name = "Freshness")
public record FreshnessView(Instant dataAsOf, List<TopicFreshness> topics, String lagError) {

    /**
     * One topic.
     *
     * @param topic its name
     * @param lastEventTime the time of the last event applied from it (the CloudEvents {@code time})
     * @param lastAppliedAt when the read model last read an event of it
     * @param applied events applied since the read model was (re)built
     * @param ignored duplicates and late events ignored
     * @param gaps events applied after a gap in a certification's sequence numbers
     * @param lag records not yet consumed by the service's consumer group (end offset − committed offset, summed over
     *        partitions; offsets are committed every second), {@code null} when unknown
     */
    @Schema(name = "TopicFreshness")
    public record TopicFreshness(@Schema(example = "cqp.registration.events") String topic, Instant lastEventTime,
            Instant lastAppliedAt, long applied, long ignored, long gaps, @Schema(nullable = true) Long lag) {
    }
}
