package dev.weir.runtime.kafka;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker the integration tests use: {@code WEIR_KAFKA_BOOTSTRAP} (system property or environment), default
 * {@code 127.0.0.1:19092}, the broker {@code dev/kafka.sh start} runs. No broker is a test failure, not a skip.
 */
public final class KafkaTestSupport implements AutoCloseable {
    public static final String BOOTSTRAP = System.getProperty("WEIR_KAFKA_BOOTSTRAP",
            System.getenv().getOrDefault("WEIR_KAFKA_BOOTSTRAP", "127.0.0.1:19092"));

    public final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;

    public KafkaTestSupport() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000"));
        try {
            admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            admin.close(Duration.ZERO);
            fail("no Kafka broker reachable at " + BOOTSTRAP + " (set WEIR_KAFKA_BOOTSTRAP, or start one with "
                    + "'dev/kafka.sh start'; dev/test.sh does this): " + e);
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000"));
    }

    /**
     * The input records of {@code topic} the pipeline {@code pipeline}'s tasks committed as consumed: the sum of its
     * consumer group's committed offsets over the topic's partitions (a topic written without transactions).
     */
    public long committedRecords(String topic, String pipeline) throws Exception {
        long n = 0;
        for (var e : admin.listConsumerGroupOffsets("weir." + pipeline).partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS).entrySet()) {
            if (e.getKey().topic().equals(topic) && e.getValue() != null) {
                n += e.getValue().offset();
            }
        }
        return n;
    }

    /** Creates a topic with a unique name starting with {@code prefix}, and waits until it takes writes. */
    public String createTopic(String prefix, int partitions) throws Exception {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        TopicReadiness.await(admin, name, partitions, Duration.ofSeconds(30));
        return name;
    }

    public void send(ProducerRecord<byte[], byte[]> record) throws Exception {
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    public void sendAll(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        records.forEach(r -> sent.add(producer.send(r)));
        producer.flush();
        for (java.util.concurrent.Future<?> f : sent) {
            f.get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Every committed record of {@code topic}, once its writers have finished: waits (up to 10 s) for the
     * transactions on the topic to be complete (last stable offsets equal to the high watermarks), then reads up to
     * the last stable offsets, partition by partition. {@code commitTransaction} returns before the commit markers
     * are written to the partitions, so right after a writer's last commit the last stable offset can still be
     * before its records. While writers run, use {@link #readCommittedSoFar}.
     */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) throws Exception {
        return read(topic, true);
    }

    /** The records of {@code topic} committed so far (up to its current last stable offsets), without waiting. */
    public List<ConsumerRecord<byte[], byte[]>> readCommittedSoFar(String topic) throws Exception {
        return read(topic, false);
    }

    private List<ConsumerRecord<byte[], byte[]>> read(String topic, boolean awaitStable) throws Exception {
        int n = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                .partitions().size();
        Set<TopicPartition> tps = IntStream.range(0, n).mapToObj(p -> new TopicPartition(topic, p))
                .collect(Collectors.toSet());
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        Map<String, Object> uncommittedProps = new HashMap<>(props);
        uncommittedProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props);
             KafkaConsumer<byte[], byte[]> uncommitted = new KafkaConsumer<>(uncommittedProps)) {
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long stableBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (awaitStable && !end.equals(uncommitted.endOffsets(tps)) && System.nanoTime() < stableBy) {
                Thread.sleep(20); // a transaction still open after 10 s is left to the caller's checks
                end = c.endOffsets(tps);
            }
            Map<TopicPartition, Long> stable = end;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (tps.stream().anyMatch(tp -> c.position(tp) < stable.get(tp))) {
                if (System.nanoTime() > deadline) {
                    fail("could not read " + topic + " to its end offsets " + stable + " within 30 s");
                }
                c.poll(Duration.ofMillis(100)).forEach(out::add);
            }
        }
        return out;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
