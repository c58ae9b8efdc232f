package org.cqpsuite.eligibility.freshness;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The consumer group's lag per topic, from the broker (end offsets minus committed offsets). */
@ApplicationScoped
public class ConsumerLag {

    private static final long TIMEOUT_MS = 2_000;

    private final String bootstrapServers;
    private final String group;
    private Admin admin;

    public ConsumerLag(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "cqp.consumer.group") String group) {
        this.bootstrapServers = bootstrapServers;
        this.group = group;
    }

    /** The lag of each topic (0 for a topic that does not exist yet). */
    public Map<String, Long> of(Collection<String> topics) throws Exception {
        Admin client = admin();
        Map<String, Long> lag = new HashMap<>();
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (String topic : topics) {
            lag.put(topic, 0L);
            try {
                TopicDescription description = client.describeTopics(List.of(topic)).allTopicNames()
                        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic);
                description.partitions().forEach(p -> partitions.put(new TopicPartition(topic, p.partition()),
                        OffsetSpec.latest()));
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        if (partitions.isEmpty()) {
            return lag;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(partitions).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        ends.forEach((partition, end) -> {
            OffsetAndMetadata position = committed.get(partition);
            long behind = end.offset() - (position == null ? 0 : position.offset());
            lag.merge(partition.topic(), Math.max(0, behind), Long::sum);
        });
        return lag;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties properties = new Properties();
            properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
            properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
            properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "eligibility-service-lag");
            admin = Admin.create(properties);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
