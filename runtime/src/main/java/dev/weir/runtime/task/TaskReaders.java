package dev.weir.runtime.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The Kafka partition readers of one task run, so a checkpoint can collect their positions. */
final class TaskReaders {
    private final List<TaskPartitionReader<?>> readers = new ArrayList<>();
    private final Map<TopicPartition, OffsetAndMetadata> committed;
    private boolean restoresOlderCheckpoint;

    /** @param committed the task's committed offsets when it started (empty for a fresh task) */
    TaskReaders(Map<TopicPartition, OffsetAndMetadata> committed) {
        this.committed = Map.copyOf(committed);
    }

    /** The committed offset of {@code tp} when the task started, or -1. */
    long committedOffset(TopicPartition tp) {
        OffsetAndMetadata om = committed.get(tp);
        return om == null ? -1 : om.offset();
    }

    /**
     * The committed checkpoint was unusable and an older one is restored: readers resume at the older snapshot's
     * positions, before the committed offsets (output since that checkpoint is produced again).
     */
    void restoreOlderCheckpoint() {
        restoresOlderCheckpoint = true;
    }

    boolean restoresOlderCheckpoint() {
        return restoresOlderCheckpoint;
    }

    void add(TaskPartitionReader<?> reader) {
        readers.add(reader);
    }

    /** Every reader's position, with {@code metadata} (the snapshot's name) attached. */
    Map<TopicPartition, OffsetAndMetadata> offsets(String metadata) {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        for (TaskPartitionReader<?> r : readers) {
            result.put(r.topicPartition(), new OffsetAndMetadata(r.position(), metadata));
        }
        return result;
    }

    java.util.Set<TopicPartition> partitions() {
        java.util.Set<TopicPartition> result = new java.util.HashSet<>();
        for (TaskPartitionReader<?> r : readers) {
            result.add(r.topicPartition());
        }
        return result;
    }
}
