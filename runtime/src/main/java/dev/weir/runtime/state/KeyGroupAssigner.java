package dev.weir.runtime.state;

/**
 * Puts keys into key groups, the units keyed state is filed, snapshotted and moved between tasks in. A keyed
 * operator's backend, its timers and the checks on restore all use the same assigner, so a key always lands in the
 * same group. {@link KeyGroups#hashing(int)} (by the key's hash) is the default; {@link KafkaPartitionKeyGroups}
 * follows the partitions of a Kafka topic already partitioned by the key.
 */
public interface KeyGroupAssigner {
    /** The number of key groups, fixed for a pipeline's lifetime. */
    int numberOfKeyGroups();

    /** The key group of {@code key}, in {@code [0, numberOfKeyGroups())}. */
    int keyGroupOf(Object key);

    /** Why {@code key} is in its key group, for error messages. */
    default String explain(Object key) {
        return "key " + key + " hashes to key group " + keyGroupOf(key);
    }
}
