package dev.weir.runtime.kafka;

import dev.weir.runtime.source.Source;
import dev.weir.runtime.source.SourceReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * A source over one Kafka topic: one {@link SourceReader} per topic partition, each with its own consumer
 * <em>assigned</em> to that partition (no consumer-group rebalancing), reading with {@code read_committed}. Each
 * partition therefore gets its own watermark generator, so a partition that lags behind holds the watermark back
 * and an empty one can be marked idle ({@code docs/concepts/time.md}).
 *
 * <p>Records are passed on with their headers and with Kafka's record timestamp as the source timestamp. A poll
 * that finds nothing reports {@code NOTHING_AVAILABLE}, which counts towards the partition's idleness. With
 * {@link KafkaSourceConfig#stopAtEndOffsets()} the source is bounded: each partition ends at the end offset seen
 * when its reader starts. Records that cannot be deserialized follow {@link KafkaSourceConfig#errorPolicy()}.
 *
 * <p>The partition count is read from the broker on the first call of {@link #partitions()}.
 *
 * @param <T> record value type
 */
public final class KafkaSource<T> implements Source<T> {
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaSourceConfig<T> config;
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile int partitions = -1;

    public KafkaSource(KafkaSourceConfig<T> config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public KafkaSourceConfig<T> config() {
        return config;
    }

    @Override
    public int partitions() {
        if (partitions < 0) {
            partitions = describePartitions();
        }
        return partitions;
    }

    @Override
    public SourceReader<T> createReader(int partition) {
        if (partition < 0 || partition >= partitions()) {
            throw new IllegalArgumentException("topic " + config.topic() + " has no partition " + partition);
        }
        return new KafkaPartitionReader<>(config, partition, skipped, deadLettered);
    }

    @Override
    public Class<T> type() {
        return config.valueSerde().type();
    }

    /** Records skipped under {@link DeserializationErrorPolicy#SKIP}, over all partitions. */
    public long skippedRecords() {
        return skipped.get();
    }

    /** Records written to the dead-letter topic under {@link DeserializationErrorPolicy#DEAD_LETTER}. */
    public long deadLetteredRecords() {
        return deadLettered.get();
    }

    private int describePartitions() {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            TopicDescription d = admin.describeTopics(List.of(config.topic())).allTopicNames()
                    .get(METADATA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(config.topic());
            return d.partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("Kafka topic '" + config.topic() + "' does not exist on "
                        + config.bootstrapServers(), e.getCause());
            }
            throw new IllegalStateException("cannot describe Kafka topic '" + config.topic() + "' on "
                    + config.bootstrapServers() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from Kafka at " + config.bootstrapServers() + " within "
                    + METADATA_TIMEOUT.toSeconds() + " s while describing topic '" + config.topic() + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing Kafka topic '" + config.topic() + "'", e);
        }
    }
}
