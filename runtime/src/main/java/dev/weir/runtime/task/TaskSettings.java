package dev.weir.runtime.task;

import java.util.Map;
import java.util.Objects;

/**
 * Where a task runs; what it promises (delivery guarantee, checkpoint interval) is the pipeline's
 * {@link dev.weir.runtime.graph.PipelineOptions}.
 *
 * @param bootstrapServers the Kafka cluster of the task's sources, sinks, shuffle topics and transactions
 * @param snapshots        where snapshots go
 * @param clientProperties extra Kafka client properties (security, tuning) for the task's consumer and producer
 */
public record TaskSettings(String bootstrapServers, SnapshotStore snapshots, Map<String, String> clientProperties) {
    public TaskSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(snapshots, "snapshots");
        clientProperties = Map.copyOf(clientProperties);
    }

    public TaskSettings(String bootstrapServers, SnapshotStore snapshots) {
        this(bootstrapServers, snapshots, Map.of());
    }
}
