package dev.weir.runtime.kafka;

import dev.weir.api.event.Headers;
import dev.weir.api.function.KeySelector;
import dev.weir.api.serde.Serde;
import dev.weir.runtime.serde.DefaultSerdes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Configuration of a {@link KafkaSink}, validated at construction.
 *
 * <pre>{@code
 * KafkaSinkConfig.builder("127.0.0.1:19092", "counts", Count.class)
 *     .key(Count::auction, String.class)
 *     .build();
 * }</pre>
 *
 * @param bootstrapServers Kafka bootstrap servers, {@code host:port[,host:port...]}
 * @param topic            the topic to write
 * @param valueSerde       turns values into record values
 * @param key              turns values into record keys; empty: records have no key (the producer spreads them)
 * @param clientProperties extra producer properties (e.g. {@code linger.ms}, security); those Weir fixes cannot be
 *                         overridden
 */
public record KafkaSinkConfig<T>(String bootstrapServers, String topic, Serde<T> valueSerde,
                                 Optional<KeyEncoder<T>> key, Map<String, String> clientProperties) {

    /** Producer properties the sink sets itself. */
    public static final Set<String> FIXED_PROPERTIES = Set.of(
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);

    /** Makes a record key from a value: a {@link KeySelector} followed by a key serde. */
    @FunctionalInterface
    public interface KeyEncoder<T> {
        byte[] keyBytes(T value);

        static <T, K> KeyEncoder<T> of(KeySelector<T, K> selector, Serde<K> serde) {
            Objects.requireNonNull(selector, "key selector");
            Objects.requireNonNull(serde, "key serde");
            return value -> {
                K k = selector.key(value);
                return k == null ? null : serde.serialize(k);
            };
        }
    }

    public KafkaSinkConfig {
        String what = "Kafka sink config";
        KafkaConfigs.requireBootstrap(what, bootstrapServers);
        KafkaConfigs.requireTopic(what, "topic", topic);
        Objects.requireNonNull(valueSerde, what + ": valueSerde");
        Objects.requireNonNull(key, what + ": key");
        clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, what + ": clientProperties"));
        KafkaConfigs.requireNotOverridden(what, clientProperties, FIXED_PROPERTIES);
    }

    /**
     * The Kafka record of one result: the key through {@link #key()} (none if not configured), the value through
     * {@link #valueSerde()}, the event's headers, and its event timestamp as the record timestamp (none if negative,
     * which Kafka cannot store).
     */
    public ProducerRecord<byte[], byte[]> record(T value, long timestampMillis, Headers headers) {
        byte[] keyBytes = key.isPresent() ? key.get().keyBytes(value) : null;
        Long ts = timestampMillis >= 0 ? timestampMillis : null;
        return new ProducerRecord<>(topic, null, ts, keyBytes, valueSerde.serialize(value), KafkaHeaders.toKafka(headers));
    }

    public static <T> Builder<T> builder(String bootstrapServers, String topic, Class<T> type) {
        return new Builder<>(bootstrapServers, topic, DefaultSerdes.forType(Objects.requireNonNull(type, "type")));
    }

    public static <T> Builder<T> builder(String bootstrapServers, String topic, Serde<T> valueSerde) {
        return new Builder<>(bootstrapServers, topic, valueSerde);
    }

    /** Builds a {@link KafkaSinkConfig}; {@link #build()} validates. */
    public static final class Builder<T> {
        private final String bootstrapServers;
        private final String topic;
        private final Serde<T> valueSerde;
        private Optional<KeyEncoder<T>> key = Optional.empty();
        private final Map<String, String> clientProperties = new LinkedHashMap<>();

        private Builder(String bootstrapServers, String topic, Serde<T> valueSerde) {
            this.bootstrapServers = bootstrapServers;
            this.topic = topic;
            this.valueSerde = valueSerde;
        }

        /** Keys from {@code selector}, serialized with {@code keySerde}. */
        public <K> Builder<T> key(KeySelector<T, K> selector, Serde<K> keySerde) {
            this.key = Optional.of(KeyEncoder.of(selector, keySerde));
            return this;
        }

        /** Keys from {@code selector}, serialized with the default serde for {@code keyType}. */
        public <K> Builder<T> key(KeySelector<T, K> selector, Class<K> keyType) {
            return key(selector, DefaultSerdes.forType(keyType));
        }

        public Builder<T> clientProperty(String k, String v) {
            this.clientProperties.put(Objects.requireNonNull(k), Objects.requireNonNull(v));
            return this;
        }

        public KafkaSinkConfig<T> build() {
            return new KafkaSinkConfig<>(bootstrapServers, topic, valueSerde, key, clientProperties);
        }
    }
}
