package dev.weir.runtime.kafka;

import dev.weir.api.event.Headers;
import dev.weir.runtime.sink.Sink;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes results to a Kafka topic: the value through the value serde, the key (if configured) through a
 * {@link dev.weir.api.function.KeySelector} and key serde, the headers as record headers, and the result's event
 * timestamp as the record timestamp. Sends are asynchronous; {@code flush()} and {@code close()} wait for every
 * pending send and fail if any send failed (a failed send also fails the next write).
 *
 * @param <T> value type
 */
public final class KafkaSink<T> implements Sink<T> {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private final KafkaSinkConfig<T> config;

    public KafkaSink(KafkaSinkConfig<T> config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public KafkaSinkConfig<T> config() {
        return config;
    }

    @Override
    public SinkWriter<T> createWriter() {
        return new Writer<>(config);
    }

    private static final class Writer<T> implements SinkWriter<T> {
        private final KafkaSinkConfig<T> config;
        private final KafkaProducer<byte[], byte[]> producer;
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        Writer(KafkaSinkConfig<T> config) {
            this.config = config;
            Map<String, Object> p = new HashMap<>();
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "weir-sink-" + config.topic());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.putAll(config.clientProperties());
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            this.producer = new KafkaProducer<>(p);
        }

        @Override
        public void write(T value, long timestampMillis, Headers headers) throws Exception {
            rethrowFailure();
            producer.send(config.record(value, timestampMillis, headers), (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }

        @Override
        public void flush() throws Exception {
            producer.flush();
            rethrowFailure();
        }

        @Override
        public void close() throws Exception {
            try {
                producer.flush();
            } finally {
                producer.close(CLOSE_TIMEOUT);
            }
            rethrowFailure();
        }

        private void rethrowFailure() {
            Exception e = failure.get();
            if (e != null) {
                throw new IllegalStateException("writing to Kafka topic '" + config.topic() + "' failed: " + e, e);
            }
        }
    }
}
