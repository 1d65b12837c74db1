package dev.weir.runtime.state;

/**
 * A keyed operator got a key whose key group another task owns. With key groups by hash this is a bug in the
 * routing; with {@link KafkaPartitionKeyGroups} it means the source topic is not partitioned by the key the way the
 * pipeline says (a producer with another partitioner, or a key that differs from the record key).
 */
public final class KeyOutsideKeyGroupsException extends IllegalStateException {
    public KeyOutsideKeyGroupsException(KeyGroupAssigner assigner, Object key, KeyGroupRange owned) {
        super(assigner.explain(key) + ", outside this task's key groups " + owned
                + (assigner instanceof KafkaPartitionKeyGroups
                ? ": the record came from a partition this task reads, so the topic is not partitioned by this key "
                + "with Kafka's default partitioner (use a key-by with hash partitioning, which shuffles)" : ""));
    }
}
