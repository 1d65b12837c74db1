package dev.weir.runtime.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a topic just created can take writes. The controller acknowledges a creation before the broker has
 * opened the partitions' logs; a produce request in between fails with {@code NOT_LEADER_OR_FOLLOWER}, and when an
 * idempotent or transactional producer retries its first batch to a partition after later batches were appended,
 * the broker rejects it with {@code OUT_OF_ORDER_SEQUENCE_NUMBER} for good (seen on the dev broker: a producer
 * retried for 120 s, then expired the batch). So writers wait until every partition answers a {@code ListOffsets},
 * which only the partition's leader does.
 */
public final class TopicReadiness {
    private TopicReadiness() {
    }

    /**
     * Returns once every partition of {@code topic} answers a {@code ListOffsets}.
     *
     * @throws IllegalStateException if they do not within {@code timeout}
     */
    public static void await(Admin admin, String topic, int partitions, Duration timeout) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("topic " + topic + " has partitions without a leader after "
                            + timeout.toSeconds() + " s", e);
                }
                Thread.sleep(20);
            }
        }
    }
}
