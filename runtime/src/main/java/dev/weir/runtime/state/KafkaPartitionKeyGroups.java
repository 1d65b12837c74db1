package dev.weir.runtime.state;

import java.util.function.Function;
import org.apache.kafka.common.utils.Utils;

/**
 * Key groups that follow the partitions of a Kafka topic partitioned by the key with the producer's default
 * partitioner (murmur2 of the serialized key, modulo the partition count): every key of source partition {@code p} is
 * in key group {@link #keyGroupOfPartition(int) keyGroupOfPartition(p)}. A task that owns that key group reads
 * partition {@code p}, so a key's records and its state meet in one task without a shuffle, and rescaling moves a
 * partition together with its key group. Needs at most as many partitions as key groups.
 */
public final class KafkaPartitionKeyGroups implements KeyGroupAssigner {
    private final int numberOfKeyGroups;
    private final int partitions;
    private final Function<Object, byte[]> keyBytes;

    /**
     * @param partitions the source topic's partition count
     * @param keyBytes the key as the producers serialized it into the record key
     */
    public KafkaPartitionKeyGroups(int numberOfKeyGroups, int partitions, Function<Object, byte[]> keyBytes) {
        if (partitions < 1 || partitions > numberOfKeyGroups) {
            throw new IllegalArgumentException("a source with " + partitions + " partitions cannot be mapped onto "
                    + numberOfKeyGroups + " key groups (it needs 1 to " + numberOfKeyGroups + " partitions)");
        }
        this.numberOfKeyGroups = numberOfKeyGroups;
        this.partitions = partitions;
        this.keyBytes = keyBytes;
    }

    @Override
    public int numberOfKeyGroups() {
        return numberOfKeyGroups;
    }

    /** The source topic's partition count. */
    public int partitions() {
        return partitions;
    }

    /** The partition the producer's default partitioner puts {@code key} in. */
    public int partitionOf(Object key) {
        return Utils.toPositive(Utils.murmur2(keyBytes.apply(key))) % partitions;
    }

    /**
     * The key group of every key of source partition {@code partition}: {@code ceil(partition × groups / partitions)},
     * spread over the key groups so that the tasks' contiguous key group ranges split the partitions evenly (with the
     * default 128 key groups, tasks read at most 2 partitions more than each other, for any partition count and
     * parallelism; mostly at most 1).
     */
    public int keyGroupOfPartition(int partition) {
        return (int) (((long) partition * numberOfKeyGroups + partitions - 1) / partitions);
    }

    @Override
    public int keyGroupOf(Object key) {
        return keyGroupOfPartition(partitionOf(key));
    }

    @Override
    public String explain(Object key) {
        int p = partitionOf(key);
        return "key " + key + " belongs to source partition " + p + " of " + partitions
                + " (Kafka's default partitioner), key group " + keyGroupOfPartition(p);
    }

    @Override
    public String toString() {
        return "KafkaPartitionKeyGroups(" + partitions + " partitions onto " + numberOfKeyGroups + " key groups)";
    }
}
