package dev.weir.runtime.graph;

import dev.weir.runtime.state.KafkaPartitionKeyGroups;
import dev.weir.runtime.state.KeyGroupAssigner;
import dev.weir.runtime.state.KeyGroups;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * How a key-by puts keys into key groups, and so whether records move between tasks.
 * <ul>
 *   <li>{@link #hash()} (the default): by the key's hash. Any source partition can hold any key, so when a pipeline
 *       runs as several tasks the key-by is a shuffle through an internal topic.</li>
 *   <li>{@link #sourcePartitions()}: the key-by's source topic is already partitioned by this key, the way Kafka's
 *       default producer partitioner does it (murmur2 of the serialized key). Key groups then follow the source's
 *       partitions ({@link KafkaPartitionKeyGroups}); each task reads the partitions of its key groups and keeps
 *       their keys' state, so the key-by moves nothing: no shuffle topic, no second trip through Kafka. Like Kafka
 *       Streams' {@code groupByKey}, which does not repartition. The key-by's input must come from one source
 *       through stateless nodes only, and that source needs at most as many partitions as the pipeline has key
 *       groups. A record whose key the partitioner puts in a partition another task reads is bad input: it follows the
 *       pipeline's error policy, with a message that says so.</li>
 * </ul>
 */
public sealed interface KeyPartitioning {
    /** Key groups by hash; a shuffle across tasks. */
    static KeyPartitioning hash() {
        return Hash.INSTANCE;
    }

    /** Key groups by source partition, for keys the producers wrote as text: {@code String.valueOf(key)} in UTF-8. */
    static KeyPartitioning sourcePartitions() {
        return new SourcePartitions(key -> String.valueOf(key).getBytes(StandardCharsets.UTF_8), 0);
    }

    /**
     * Key groups by source partition, for keys the producers serialized with {@code keyBytes}.
     */
    @SuppressWarnings("unchecked")
    static <K> KeyPartitioning sourcePartitions(Function<? super K, byte[]> keyBytes) {
        return new SourcePartitions((Function<Object, byte[]>) keyBytes, 0);
    }

    /**
     * The assigner of a keyed operator fed by this key-by.
     *
     * @param sourcePartitions the partition count of the key-by's source, asked only when needed
     */
    KeyGroupAssigner assigner(int numberOfKeyGroups, IntSupplier sourcePartitions);

    /** By hash. */
    enum Hash implements KeyPartitioning {
        INSTANCE;

        @Override
        public KeyGroupAssigner assigner(int numberOfKeyGroups, IntSupplier sourcePartitions) {
            return KeyGroups.hashing(numberOfKeyGroups);
        }

        @Override
        public String toString() {
            return "hash";
        }
    }

    /**
     * By source partition.
     *
     * @param partitions the source's partition count once known (a task's graph, whose source reads only some of
     *                   them, carries it); 0: ask the source
     */
    record SourcePartitions(Function<Object, byte[]> keyBytes, int partitions) implements KeyPartitioning {
        /** This partitioning with the source's partition count fixed. */
        public SourcePartitions withPartitions(int count) {
            return new SourcePartitions(keyBytes, count);
        }

        @Override
        public KafkaPartitionKeyGroups assigner(int numberOfKeyGroups, IntSupplier sourcePartitions) {
            return new KafkaPartitionKeyGroups(numberOfKeyGroups,
                    partitions > 0 ? partitions : sourcePartitions.getAsInt(), keyBytes);
        }

        @Override
        public String toString() {
            return "source partitions";
        }
    }
}
