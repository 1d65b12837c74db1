package dev.weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.runtime.graph.KeyPartitioning;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/** Key groups that follow a Kafka topic's partitions: the producer's partitioner, and how tasks share partitions. */
class KafkaPartitionKeyGroupsTest {

    @Property(tries = 500)
    void keysLandInThePartitionKafkasDefaultPartitionerPicks(@ForAll @StringLength(max = 40) String key,
                                                              @ForAll @IntRange(min = 1, max = 128) int partitions) {
        KafkaPartitionKeyGroups groups = (KafkaPartitionKeyGroups) KeyPartitioning.sourcePartitions()
                .assigner(128, () -> partitions);

        int expected = BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions);
        assertThat(groups.partitionOf(key)).isEqualTo(expected);
        assertThat(groups.keyGroupOf(key)).isEqualTo(groups.keyGroupOfPartition(expected));
    }

    @Property(tries = 300)
    void partitionsGetDistinctKeyGroupsAndEveryTaskCountIsServedEvenly(
            @ForAll @IntRange(min = 1, max = 128) int partitions, @ForAll @IntRange(min = 1, max = 128) int tasks) {
        int parallelism = Math.min(tasks, partitions);
        KafkaPartitionKeyGroups groups = new KafkaPartitionKeyGroups(128, partitions, k -> new byte[0]);
        int[] read = new int[parallelism];
        int previous = -1;
        for (int p = 0; p < partitions; p++) {
            int kg = groups.keyGroupOfPartition(p);
            assertThat(kg).isGreaterThan(previous).isLessThan(128);
            previous = kg;
            read[KeyGroups.taskOf(kg, 128, parallelism)]++;
        }
        int most = Arrays.stream(read).max().orElseThrow();
        int least = Arrays.stream(read).min().orElseThrow();
        assertThat(most - least).as("partitions per task %s", Arrays.toString(read)).isLessThanOrEqualTo(2);
    }

    @Test
    void twelvePartitionsSplitEvenlyOverOneToSixTasks() {
        KafkaPartitionKeyGroups groups = new KafkaPartitionKeyGroups(128, 12, k -> new byte[0]);
        for (int parallelism : new int[] {1, 2, 3, 4, 6}) {
            int[] read = new int[parallelism];
            for (int p = 0; p < 12; p++) {
                read[KeyGroups.taskOf(groups.keyGroupOfPartition(p), 128, parallelism)]++;
            }
            assertThat(read).as("parallelism %d", parallelism).containsOnly(12 / parallelism);
        }
    }

    @Test
    void moreSourcePartitionsThanKeyGroupsAreRejected() {
        assertThatThrownBy(() -> new KafkaPartitionKeyGroups(128, 200, k -> new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a source with 200 partitions cannot be mapped onto 128 key groups (it needs 1 to 128 "
                        + "partitions)");
    }

    @Test
    void aKeyOfAnotherTasksPartitionIsReportedWithItsPartition() {
        KafkaPartitionKeyGroups groups = new KafkaPartitionKeyGroups(128, 12,
                k -> String.valueOf(k).getBytes(StandardCharsets.UTF_8));
        int partition = groups.partitionOf("k000042");
        KeyGroupRange elsewhere = KeyGroups.rangeOf(128, 2, groups.keyGroupOf("k000042") < 64 ? 1 : 0);

        assertThatThrownBy(() -> new dev.weir.runtime.state.heap.HeapKeyedStateBackend<String>(groups, elsewhere)
                .setCurrentKey("k000042"))
                .isInstanceOf(KeyOutsideKeyGroupsException.class)
                .hasMessageContaining("key k000042 belongs to source partition " + partition + " of 12 (Kafka's "
                        + "default partitioner), key group " + groups.keyGroupOfPartition(partition)
                        + ", outside this task's key groups " + elsewhere)
                .hasMessageContaining("the topic is not partitioned by this key");
    }

    @Test
    void aRestoreIntoAnotherPartitionCountIsReported() {
        KafkaPartitionKeyGroups twelve = new KafkaPartitionKeyGroups(128, 12,
                k -> String.valueOf(k).getBytes(StandardCharsets.UTF_8));
        KafkaPartitionKeyGroups sixteen = new KafkaPartitionKeyGroups(128, 16,
                k -> String.valueOf(k).getBytes(StandardCharsets.UTF_8));
        String key = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "k" + i)
                .filter(k -> twelve.keyGroupOf(k) != sixteen.keyGroupOf(k)).findFirst().orElseThrow();

        assertThatThrownBy(() -> KeyGroups.checkFiledUnder(sixteen, "counts", twelve.keyGroupOf(key), key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state 'counts': key " + key + " is filed under key group "
                        + twelve.keyGroupOf(key) + " but key " + key + " belongs to source partition")
                .hasMessageEndingWith("(did the source topic's partition count change?)");
    }
}
