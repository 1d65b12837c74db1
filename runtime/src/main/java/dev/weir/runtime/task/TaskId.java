package dev.weir.runtime.task;

import java.util.Objects;

/**
 * Task {@code index} of {@code parallelism} of a pipeline. The names Kafka sees derive from it: the transactional
 * id (one per task, so a restarted task fences its zombie), the consumer group holding committed offsets (one per
 * pipeline) and the internal shuffle topics.
 */
public record TaskId(String pipeline, int index, int parallelism) {
    public TaskId {
        Objects.requireNonNull(pipeline, "pipeline");
        if (!pipeline.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("pipeline name '" + pipeline
                    + "' must match [A-Za-z0-9._-]+ to name Kafka topics and transactional ids");
        }
        if (parallelism < 1 || index < 0 || index >= parallelism) {
            throw new IllegalArgumentException("task index " + index + " of parallelism " + parallelism);
        }
    }

    /** Whether this task reads source partition {@code partition}: round-robin over tasks. */
    public boolean ownsSourcePartition(int partition) {
        return partition % parallelism == index;
    }

    public String transactionalId() {
        return "weir." + pipeline + ".task-" + index;
    }

    /** The consumer group whose committed offsets (and their metadata) are the pipeline's progress. */
    public String groupId() {
        return "weir." + pipeline;
    }

    /** The internal topic of the shuffle at key-by node {@code keyByNode} (of a pipeline started fresh). */
    public String shuffleTopic(String keyByNode) {
        return shuffleTopic(keyByNode, "");
    }

    /**
     * The internal topic of the shuffle at key-by node {@code keyByNode} in a run of {@code lineage} (empty for a
     * pipeline started fresh, see {@link CheckpointName}).
     */
    public String shuffleTopic(String keyByNode, String lineage) {
        return "weir." + pipeline + (lineage.isEmpty() ? "" : "." + lineage) + ".shuffle."
                + keyByNode.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Override
    public String toString() {
        return pipeline + "/task-" + index + "-of-" + parallelism;
    }
}
