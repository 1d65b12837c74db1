package dev.weir.runtime.task;

import dev.weir.runtime.state.StateBackendTuning;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a task runs; what it promises (delivery guarantee, checkpoint interval, state backend) is the pipeline's
 * {@link dev.weir.runtime.graph.PipelineOptions}.
 *
 * @param bootstrapServers the Kafka cluster of the task's sources, sinks, shuffle topics and transactions
 * @param snapshots        where checkpoints go
 * @param clientProperties extra Kafka client properties (security, tuning) for the task's consumer and producer
 * @param localDirectory   scratch space of the instance: RocksDB working directories, checkpoints being uploaded,
 *                         checkpoints being restored ({@code <dir>/<pipeline>/task-<index>/}); a task wipes its own
 *                         subdirectory when it starts, since it always restores from {@code snapshots}
 * @param stateTuning      memory of the RocksDB state backend (when the pipeline uses it)
 * @param savepoints       where savepoints are written and read; empty if this instance takes none
 */
public record TaskSettings(String bootstrapServers, SnapshotStore snapshots, Map<String, String> clientProperties,
                           Path localDirectory, StateBackendTuning stateTuning,
                           java.util.Optional<TaskSavepoints> savepoints) {
    public TaskSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(localDirectory, "localDirectory");
        Objects.requireNonNull(stateTuning, "stateTuning");
        Objects.requireNonNull(savepoints, "savepoints");
        clientProperties = Map.copyOf(clientProperties);
    }

    public TaskSettings(String bootstrapServers, SnapshotStore snapshots, Map<String, String> clientProperties,
                        Path localDirectory, StateBackendTuning stateTuning) {
        this(bootstrapServers, snapshots, clientProperties, localDirectory, stateTuning, java.util.Optional.empty());
    }

    public TaskSettings(String bootstrapServers, SnapshotStore snapshots, Map<String, String> clientProperties,
                        Path localDirectory) {
        this(bootstrapServers, snapshots, clientProperties, localDirectory, StateBackendTuning.DEFAULTS);
    }

    /** These settings with savepoints in {@code store}. */
    public TaskSettings withSavepoints(TaskSavepoints store) {
        return new TaskSettings(bootstrapServers, snapshots, clientProperties, localDirectory, stateTuning,
                java.util.Optional.of(store));
    }

    /** The savepoint store, or a clear error if there is none. */
    TaskSavepoints requireSavepoints() {
        return savepoints.orElseThrow(() -> new IllegalStateException("no savepoint store is configured for this "
                + "instance (weir.task.s3.* or a savepoint directory)"));
    }

    /** With the local directory {@code <java.io.tmpdir>/weir-tasks}. */
    public TaskSettings(String bootstrapServers, SnapshotStore snapshots, Map<String, String> clientProperties) {
        this(bootstrapServers, snapshots, clientProperties, Path.of(System.getProperty("java.io.tmpdir"), "weir-tasks"));
    }

    public TaskSettings(String bootstrapServers, SnapshotStore snapshots) {
        this(bootstrapServers, snapshots, Map.of());
    }

    /** The task's own scratch directory. */
    Path localDirectory(TaskId task) {
        return localDirectory.resolve(task.pipeline()).resolve("task-" + task.index());
    }
}
