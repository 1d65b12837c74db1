package dev.weir.runtime.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes records that could not be deserialized to the dead-letter topic: the original key, value, timestamp and
 * headers, plus the {@code weir.*} headers below. Each write waits for the broker's acknowledgement, so a record is
 * never lost: if the write fails, the pipeline fails.
 */
public final class DeadLetterWriter implements AutoCloseable {
    /** The error message. */
    static final String ERROR = "weir.error";
    /** The error's class name. */
    static final String ERROR_TYPE = "weir.error.type";
    static final String SOURCE_TOPIC = "weir.source.topic";
    static final String SOURCE_PARTITION = "weir.source.partition";
    static final String SOURCE_OFFSET = "weir.source.offset";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;

    DeadLetterWriter(KafkaSourceConfig<?> config, int partition) {
        this.topic = config.deadLetterTopic().orElseThrow();
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "weir-dlq-" + config.topic() + "-" + partition);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        for (Map.Entry<String, String> e : config.clientProperties().entrySet()) {
            if (ProducerConfig.configNames().contains(e.getKey())) {
                p.put(e.getKey(), e.getValue());
            }
        }
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    void write(ConsumerRecord<byte[], byte[]> r, Throwable error) {
        ProducerRecord<byte[], byte[]> out = record(topic, r, error);
        try {
            producer.send(out).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot write record " + r.topic() + "-" + r.partition() + "@" + r.offset()
                    + " to dead-letter topic '" + topic + "': " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to dead-letter topic '" + topic + "'", e);
        }
    }

    /**
     * The dead letter of {@code r}: its key, value, timestamp and headers, plus {@code weir.*} headers naming the
     * error and where the record came from.
     */
    public static ProducerRecord<byte[], byte[]> record(String deadLetterTopic, ConsumerRecord<byte[], byte[]> r,
                                                        Throwable error) {
        RecordHeaders headers = new RecordHeaders(r.headers().toArray());
        headers.add(ERROR, utf8(String.valueOf(error.getMessage())));
        headers.add(ERROR_TYPE, utf8(error.getClass().getName()));
        headers.add(SOURCE_TOPIC, utf8(r.topic()));
        headers.add(SOURCE_PARTITION, utf8(Integer.toString(r.partition())));
        headers.add(SOURCE_OFFSET, utf8(Long.toString(r.offset())));
        Long ts = r.timestamp() >= 0 ? r.timestamp() : null;
        return new ProducerRecord<>(deadLetterTopic, null, ts, r.key(), r.value(), headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
