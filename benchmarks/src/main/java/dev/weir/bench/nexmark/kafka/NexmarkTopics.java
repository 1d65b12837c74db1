package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.kafka.KafkaClients;
import dev.weir.bench.nexmark.Checksum;
import dev.weir.bench.nexmark.NexmarkGenerator;
import dev.weir.bench.nexmark.NexmarkQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The topics of one Kafka-mode invocation ({@code nexmark-<run id>-…}, one partition each, so every engine reads
 * the events in the generator's arrival order): the input, loaded once, and one output topic per run.
 */
public final class NexmarkTopics implements AutoCloseable {
    private final String bootstrap;
    private final String prefix;
    private final Admin admin;
    private final List<String> created = new ArrayList<>();

    public NexmarkTopics(String bootstrap, String runId) {
        this.bootstrap = bootstrap;
        this.prefix = "nexmark-" + runId + "-";
        this.admin = KafkaClients.admin(bootstrap);
        KafkaClients.checkReachable(admin, bootstrap);
    }

    public String bootstrap() {
        return bootstrap;
    }

    /**
     * Creates the input topic and writes the generator's events to it, in arrival order, then the
     * {@link EndOfInput} marks; every record's Kafka timestamp is its event time.
     */
    public String loadInput(NexmarkGenerator generator) throws Exception {
        String topic = create("input");
        try (KafkaProducer<byte[], byte[]> producer = KafkaClients.producer(bootstrap, null, 5)) {
            for (long i = 0; i < generator.events(); i++) {
                producer.send(record(topic, EventEnvelope.of(generator.generate(i))));
            }
            for (EventEnvelope mark : EndOfInput.marks(generator)) {
                producer.send(record(topic, mark));
            }
            producer.flush();
        }
        return topic;
    }

    /** An input record: partition 0, the Kafka timestamp the envelope's event time. */
    static ProducerRecord<byte[], byte[]> record(String topic, EventEnvelope e) {
        return new ProducerRecord<>(topic, 0, e.timeMillis(), null, Json.write(e));
    }

    /** A fresh, empty input topic (for a run that produces its input while the processor runs). */
    public String emptyInput(String name) throws Exception {
        return create(name);
    }

    /** A fresh output topic. */
    public String output(String name) throws Exception {
        return create(name);
    }

    /** The checksum of the committed records of {@code topic}, read as {@code query}'s rows. */
    public Checksum checksum(String topic, NexmarkQuery query) {
        Checksum.Accumulator acc = new Checksum.Accumulator();
        Class<? extends dev.weir.bench.nexmark.ResultRow> type = Json.rowType(query);
        KafkaClients.readCommitted(bootstrap, topic, 1, Duration.ofMinutes(5), r -> acc.add(Json.read(r.value(), type)));
        return acc.value();
    }

    private String create(String name) throws Exception {
        String topic = prefix + name;
        KafkaClients.createTopic(admin, topic, 1);
        created.add(topic);
        return topic;
    }

    /** Deletes every topic this created. */
    @Override
    public void close() throws Exception {
        try {
            KafkaClients.deleteTopics(admin, created);
        } finally {
            admin.close();
        }
    }
}
