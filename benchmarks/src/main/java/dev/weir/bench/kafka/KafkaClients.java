package dev.weir.bench.kafka;

import dev.weir.runtime.kafka.TopicReadiness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Client settings shared by every part of the benchmark, and topic administration. One set of settings for the
 * loader, the ceilings and the latency runs, so they are comparable:
 * <ul>
 *   <li>producers: {@code acks=all}, idempotent, {@code linger.ms=5} (the Kafka 4 default),
 *       {@code batch.size=64 KiB}, no compression;</li>
 *   <li>consumers: {@code enable.auto.commit=false}, {@code auto.offset.reset=earliest},
 *       {@code max.poll.records=2000}, no topic auto-creation.</li>
 * </ul>
 */
public final class KafkaClients {
    /** {@code WEIR_KAFKA_BOOTSTRAP} (system property, then environment), else the broker of dev/kafka.sh. */
    public static final String DEFAULT_BOOTSTRAP = System.getProperty("WEIR_KAFKA_BOOTSTRAP",
            System.getenv().getOrDefault("WEIR_KAFKA_BOOTSTRAP", "127.0.0.1:19092"));

    static final int LINGER_MS = 5;
    static final int BATCH_BYTES = 64 * 1024;
    static final int MAX_POLL_RECORDS = 2_000;
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private KafkaClients() {
    }

    /** An idempotent {@code acks=all} producer; with a transactional id if {@code transactionalId} is not null. */
    public static KafkaProducer<byte[], byte[]> producer(String bootstrap, String transactionalId, int lingerMs) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(p);
    }

    /** A consumer for {@code assign()}, offsets committed by hand to {@code groupId} (may be null: no commits). */
    public static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String groupId, IsolationLevel isolation) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        if (groupId != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return new KafkaConsumer<>(p);
    }

    public static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000"));
    }

    /** Fails with a message naming the bootstrap servers if no broker answers within 10 s. */
    public static void checkReachable(Admin admin, String bootstrap) {
        try {
            admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no Kafka broker reachable at " + bootstrap + " (start one with "
                    + "'dev/kafka.sh start', or set WEIR_KAFKA_BOOTSTRAP): " + e, e);
        }
    }

    /**
     * Creates a topic with unlimited time retention (the input's event times start in 2025, which a 7-day retention
     * would delete) and waits until it takes writes ({@link TopicReadiness}).
     */
    public static void createTopic(Admin admin, String topic, int partitions) throws Exception {
        NewTopic t = new NewTopic(topic, partitions, (short) 1).configs(Map.of("retention.ms", "-1"));
        admin.createTopics(List.of(t)).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        TopicReadiness.await(admin, topic, partitions, ADMIN_TIMEOUT);
    }

    public static void deleteTopics(Admin admin, Collection<String> topics) throws Exception {
        if (!topics.isEmpty()) {
            admin.deleteTopics(topics).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    public static List<TopicPartition> partitions(String topic, int count) {
        return IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    /**
     * The partitions of task {@code task} out of {@code tasks}: {@code p} with {@code p % tasks == task}, so 12
     * partitions over 2 tasks give each task 6.
     */
    public static List<TopicPartition> share(String topic, int partitions, int task, int tasks) {
        return partitions(topic, partitions).stream().filter(tp -> tp.partition() % tasks == task).toList();
    }

    /**
     * Records in a topic written without transactions: the sum of end minus beginning offsets. Fast, but it
     * counts transaction markers too, so use {@link #readCommitted} for transactional output.
     */
    public static long countByOffsets(String bootstrap, String topic, int partitions) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap, null, IsolationLevel.READ_UNCOMMITTED)) {
            List<TopicPartition> tps = partitions(topic, partitions);
            Map<TopicPartition, Long> end = c.endOffsets(tps, ADMIN_TIMEOUT);
            Map<TopicPartition, Long> begin = c.beginningOffsets(tps, ADMIN_TIMEOUT);
            return tps.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
        }
    }

    /** Receives each record {@link #readCommitted} reads. */
    public interface RecordVisitor {
        void visit(ConsumerRecord<byte[], byte[]> record);
    }

    /**
     * Reads {@code topic} from the beginning to its last stable offsets with {@code read_committed}, passing every
     * record to {@code visitor}; returns the number of records. Call it once the writers have finished: it first
     * waits until no transaction is open on the topic (the last stable offsets equal the high watermarks), because
     * {@code commitTransaction} returns before the commit markers are written to the partitions, and until they are
     * the last stable offset stays before the transaction's records. Fails after {@code timeout}.
     */
    public static long readCommitted(String bootstrap, String topic, int partitions, Duration timeout,
                                     RecordVisitor visitor) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap, null, IsolationLevel.READ_COMMITTED);
             KafkaConsumer<byte[], byte[]> uncommitted = consumer(bootstrap, null, IsolationLevel.READ_UNCOMMITTED)) {
            List<TopicPartition> tps = partitions(topic, partitions);
            c.assign(tps);
            c.seekToBeginning(tps);
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<TopicPartition, Long> end = c.endOffsets(tps, ADMIN_TIMEOUT);
            while (!end.equals(uncommitted.endOffsets(tps, ADMIN_TIMEOUT))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("a transaction on " + topic + " is still open after "
                            + timeout.toSeconds() + " s (last stable offsets " + end + ")");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + topic + " to be stable", e);
                }
                end = c.endOffsets(tps, ADMIN_TIMEOUT);
            }
            Map<TopicPartition, Long> stable = end;
            long n = 0;
            List<TopicPartition> open = new ArrayList<>(tps);
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end offsets within "
                            + timeout.toSeconds() + " s (" + n + " records read)");
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    visitor.visit(r);
                    n++;
                }
                open.removeIf(tp -> c.position(tp) >= stable.get(tp));
            }
            return n;
        }
    }
}
