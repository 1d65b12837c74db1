package dev.weir.runtime.kafka;

import dev.weir.api.serde.Serde;
import dev.weir.runtime.serde.DefaultSerdes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Configuration of a {@link KafkaSource}, validated at construction (every message names the field).
 *
 * <pre>{@code
 * KafkaSourceConfig.builder("127.0.0.1:19092", "bids", Bid.class)
 *     .startPosition(StartPosition.earliest())
 *     .stopAtEndOffsets(true)
 *     .onDeserializationError(DeserializationErrorPolicy.DEAD_LETTER, "bids-dlq")
 *     .build();
 * }</pre>
 *
 * @param bootstrapServers  Kafka bootstrap servers, {@code host:port[,host:port...]}
 * @param topic             the topic to read; every partition gets its own reader
 * @param valueSerde        turns record values into {@code T} (default {@link DefaultSerdes#forType})
 * @param startPosition     where each partition starts
 * @param stopAtEndOffsets  bounded mode: read each partition up to the end offset (last stable offset) seen when its
 *                          reader starts, then end; for tests and backfills
 * @param errorPolicy       what to do with records that cannot be deserialized
 * @param deadLetterTopic   where {@link DeserializationErrorPolicy#DEAD_LETTER} writes them; set iff that policy
 * @param pollTimeout       how long one consumer poll may block when nothing is buffered; the engine polls all
 *                          partitions on one thread, so keep it short
 * @param clientProperties  extra consumer properties (also used for the dead-letter producer and the admin client),
 *                          e.g. security settings; those Weir fixes cannot be overridden
 */
public record KafkaSourceConfig<T>(String bootstrapServers, String topic, Serde<T> valueSerde,
                                   StartPosition startPosition, boolean stopAtEndOffsets,
                                   DeserializationErrorPolicy errorPolicy, Optional<String> deadLetterTopic,
                                   Duration pollTimeout, Map<String, String> clientProperties) {

    /** Consumer properties the source sets itself. */
    public static final Set<String> FIXED_PROPERTIES = Set.of(
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);

    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(10);

    public KafkaSourceConfig {
        String what = "Kafka source config";
        KafkaConfigs.requireBootstrap(what, bootstrapServers);
        KafkaConfigs.requireTopic(what, "topic", topic);
        Objects.requireNonNull(valueSerde, what + ": valueSerde");
        Objects.requireNonNull(startPosition, what + ": startPosition");
        Objects.requireNonNull(errorPolicy, what + ": errorPolicy");
        Objects.requireNonNull(deadLetterTopic, what + ": deadLetterTopic");
        KafkaConfigs.requirePositive(what, "pollTimeout", pollTimeout);
        clientProperties = Map.copyOf(Objects.requireNonNull(clientProperties, what + ": clientProperties"));
        KafkaConfigs.requireNotOverridden(what, clientProperties, FIXED_PROPERTIES);
        if (errorPolicy == DeserializationErrorPolicy.DEAD_LETTER) {
            String dlq = deadLetterTopic.orElseThrow(() -> new IllegalArgumentException(
                    what + ": errorPolicy DEAD_LETTER needs a deadLetterTopic"));
            KafkaConfigs.requireTopic(what, "deadLetterTopic", dlq);
            if (dlq.equals(topic)) {
                throw new IllegalArgumentException(what + ": deadLetterTopic must differ from topic '" + topic + "'");
            }
        } else if (deadLetterTopic.isPresent()) {
            throw new IllegalArgumentException(what + ": deadLetterTopic '" + deadLetterTopic.get()
                    + "' is only used with errorPolicy DEAD_LETTER, not " + errorPolicy);
        }
    }

    /** A builder with the defaults: earliest, unbounded, FAIL, the default serde for {@code type}. */
    /**
     * A record value as {@code T} through {@link #valueSerde()}.
     *
     * @throws RuntimeException if the record is a tombstone ({@code null} value), the serde fails or returns null
     */
    public T deserializeValue(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("record has no value (tombstone)");
        }
        T result = valueSerde.deserialize(value);
        if (result == null) {
            throw new IllegalArgumentException("serde returned null");
        }
        return result;
    }

    public static <T> Builder<T> builder(String bootstrapServers, String topic, Class<T> type) {
        return new Builder<>(bootstrapServers, topic, DefaultSerdes.forType(Objects.requireNonNull(type, "type")));
    }

    /** A builder with the defaults and an explicit value serde. */
    public static <T> Builder<T> builder(String bootstrapServers, String topic, Serde<T> valueSerde) {
        return new Builder<>(bootstrapServers, topic, valueSerde);
    }

    /** Builds a {@link KafkaSourceConfig}; {@link #build()} validates. */
    public static final class Builder<T> {
        private final String bootstrapServers;
        private final String topic;
        private Serde<T> valueSerde;
        private StartPosition startPosition = StartPosition.earliest();
        private boolean stopAtEndOffsets;
        private DeserializationErrorPolicy errorPolicy = DeserializationErrorPolicy.FAIL;
        private Optional<String> deadLetterTopic = Optional.empty();
        private Duration pollTimeout = DEFAULT_POLL_TIMEOUT;
        private final Map<String, String> clientProperties = new LinkedHashMap<>();

        private Builder(String bootstrapServers, String topic, Serde<T> valueSerde) {
            this.bootstrapServers = bootstrapServers;
            this.topic = topic;
            this.valueSerde = valueSerde;
        }

        public Builder<T> valueSerde(Serde<T> serde) {
            this.valueSerde = serde;
            return this;
        }

        public Builder<T> startPosition(StartPosition position) {
            this.startPosition = position;
            return this;
        }

        public Builder<T> stopAtEndOffsets(boolean bounded) {
            this.stopAtEndOffsets = bounded;
            return this;
        }

        /** FAIL or SKIP; use {@link #deadLetterTo} for DEAD_LETTER. */
        public Builder<T> onDeserializationError(DeserializationErrorPolicy policy) {
            this.errorPolicy = policy;
            this.deadLetterTopic = Optional.empty();
            return this;
        }

        /** DEAD_LETTER into {@code topic}. */
        public Builder<T> deadLetterTo(String topic) {
            this.errorPolicy = DeserializationErrorPolicy.DEAD_LETTER;
            this.deadLetterTopic = Optional.ofNullable(topic);
            return this;
        }

        public Builder<T> pollTimeout(Duration timeout) {
            this.pollTimeout = timeout;
            return this;
        }

        public Builder<T> clientProperty(String key, String value) {
            this.clientProperties.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public KafkaSourceConfig<T> build() {
            return new KafkaSourceConfig<>(bootstrapServers, topic, valueSerde, startPosition, stopAtEndOffsets,
                    errorPolicy, deadLetterTopic, pollTimeout, clientProperties);
        }
    }
}
