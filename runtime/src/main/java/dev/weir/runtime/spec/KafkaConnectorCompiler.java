package dev.weir.runtime.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.serde.Serde;
import dev.weir.api.serde.SerdeException;
import dev.weir.runtime.functions.FieldAccessor;
import dev.weir.runtime.kafka.DeserializationErrorPolicy;
import dev.weir.runtime.kafka.KafkaSink;
import dev.weir.runtime.kafka.KafkaSinkConfig;
import dev.weir.runtime.kafka.KafkaSource;
import dev.weir.runtime.kafka.KafkaSourceConfig;
import dev.weir.runtime.kafka.StartPosition;
import dev.weir.runtime.serde.DefaultSerdes;
import dev.weir.runtime.spec.connector.KafkaStartPosition;
import dev.weir.runtime.spec.connector.SinkConnectorSpec;
import dev.weir.runtime.spec.connector.SourceConnectorSpec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns {@code kafka} connector specs into a {@link KafkaSource} or {@link KafkaSink}, reporting every problem with
 * its path. Nothing is contacted: whether the broker answers and the topic exists is found out when the pipeline
 * runs.
 */
final class KafkaConnectorCompiler {
    /** The environment variable that names the default bootstrap servers. */
    static final String BOOTSTRAP_ENV = "WEIR_KAFKA_BOOTSTRAP";
    /** The bootstrap servers when neither the spec nor the environment names any: the broker of dev/kafka.sh. */
    static final String DEFAULT_BOOTSTRAP = "127.0.0.1:19092";

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private final SpecContext context;
    private final Problems problems;
    private final UnaryOperator<String> env;

    KafkaConnectorCompiler(SpecContext context, Problems problems, UnaryOperator<String> env) {
        this.context = context;
        this.problems = problems;
        this.env = env;
    }

    /** The source, or null if invalid. */
    KafkaSource<?> source(SourceConnectorSpec.Kafka k, SpecPath path) {
        int before = problems.count();
        String bootstrap = bootstrap(k.bootstrapServers(), path);
        topic(k.topic(), path.property("topic"));
        Class<?> type = valueType(k.valueType(), path.property("valueType"));
        StartPosition start = startPosition(k.startPosition(), path.property("startPosition"));
        DeserializationErrorPolicy policy = errorPolicy(k, path);
        if (k.pollTimeout() != null) {
            Durations.positive(k.pollTimeout(), path.property("pollTimeout"), problems);
        }
        if (problems.count() != before) {
            return null;
        }
        try {
            return new KafkaSource<>(sourceConfig(k, bootstrap, type, start, policy));
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
            return null;
        }
    }

    private static <T> KafkaSourceConfig<T> sourceConfig(SourceConnectorSpec.Kafka k, String bootstrap, Class<T> type,
                                                         StartPosition start, DeserializationErrorPolicy policy) {
        return new KafkaSourceConfig<>(bootstrap, k.topic(), DefaultSerdes.forType(type), start,
                Boolean.TRUE.equals(k.stopAtEnd()), policy, Optional.ofNullable(k.deadLetterTopic()),
                k.pollTimeout() == null ? KafkaSourceConfig.DEFAULT_POLL_TIMEOUT : k.pollTimeout(), Map.of());
    }

    /** The sink, or null if invalid. */
    KafkaSink<Object> sink(SinkConnectorSpec.Kafka k, SpecPath path) {
        int before = problems.count();
        String bootstrap = bootstrap(k.bootstrapServers(), path);
        topic(k.topic(), path.property("topic"));
        Optional<KafkaSinkConfig.KeyEncoder<Object>> key = Optional.empty();
        if (k.keyField() != null) {
            try {
                key = Optional.of(new FieldKey(FieldAccessor.of(k.keyField())));
            } catch (IllegalArgumentException e) {
                problems.add(path.property("keyField"), e.getMessage());
            }
        }
        if (problems.count() != before) {
            return null;
        }
        SinkConnectorSpec.ValueFormat format = k.valueFormat() == null ? SinkConnectorSpec.ValueFormat.JSON : k.valueFormat();
        try {
            return new KafkaSink<>(new KafkaSinkConfig<>(bootstrap, k.topic(),
                    new FormattedValues(format), key, Map.of()));
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
            return null;
        }
    }

    /** The spec's servers, else the environment's, else {@link #DEFAULT_BOOTSTRAP}; null (reported) if malformed. */
    private String bootstrap(String given, SpecPath connector) {
        SpecPath path = connector.property("bootstrapServers");
        String servers = given != null ? given : defaultBootstrap(env);
        String from = given != null ? "" : " (from " + BOOTSTRAP_ENV + ")";
        if (servers.isBlank()) {
            problems.add(path, "must not be blank" + from);
            return null;
        }
        for (String server : servers.split(",", -1)) {
            if (!isHostAndPort(server.strip())) {
                problems.add(path, "'" + server.strip() + "'" + from + " is not host:port");
                return null;
            }
        }
        return servers;
    }

    private static boolean isHostAndPort(String server) {
        int colon = server.lastIndexOf(':');
        return colon > 0 && colon < server.length() - 1
                && server.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** {@code WEIR_KAFKA_BOOTSTRAP} if set and not blank, else {@link #DEFAULT_BOOTSTRAP}. */
    static String defaultBootstrap(UnaryOperator<String> env) {
        String fromEnv = env.apply(BOOTSTRAP_ENV);
        return fromEnv == null || fromEnv.isBlank() ? DEFAULT_BOOTSTRAP : fromEnv.strip();
    }

    private boolean topic(String topic, SpecPath path) {
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            problems.add(path, "'" + topic + "' is not a valid Kafka topic name (1-249 of a-z, A-Z, 0-9, '.', '_', '-')");
            return false;
        }
        return true;
    }

    private Class<?> valueType(String valueType, SpecPath path) {
        if (valueType == null || valueType.equals(SourceConnectorSpec.JsonLines.JSON)) {
            return JsonNode.class;
        }
        if (valueType.equals(SourceConnectorSpec.Kafka.STRING)) {
            return String.class;
        }
        try {
            return context.functions().loadClass(valueType);
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(path, "class '" + valueType + "' not found; use '" + SourceConnectorSpec.JsonLines.JSON
                    + "' for JSON trees, '" + SourceConnectorSpec.Kafka.STRING + "' for text, or a class name");
            return null;
        }
    }

    private StartPosition startPosition(KafkaStartPosition spec, SpecPath path) {
        if (spec == null || spec == KafkaStartPosition.Named.EARLIEST) {
            return StartPosition.earliest();
        }
        if (spec == KafkaStartPosition.Named.LATEST) {
            return StartPosition.latest();
        }
        if (spec instanceof KafkaStartPosition.Timestamp t) {
            return StartPosition.timestamp(t.timestamp());
        }
        String group = ((KafkaStartPosition.Committed) spec).committed();
        if (group.isBlank()) {
            problems.add(path.property("committed"), "must not be blank (a consumer group id)");
            return null;
        }
        return StartPosition.committed(group);
    }

    private DeserializationErrorPolicy errorPolicy(SourceConnectorSpec.Kafka k, SpecPath path) {
        SourceConnectorSpec.KafkaErrorPolicy policy = k.errorPolicy() == null
                ? SourceConnectorSpec.KafkaErrorPolicy.FAIL : k.errorPolicy();
        SpecPath dlq = path.property("deadLetterTopic");
        if (policy != SourceConnectorSpec.KafkaErrorPolicy.DEAD_LETTER) {
            if (k.deadLetterTopic() != null) {
                problems.add(dlq, "only used with errorPolicy 'dead-letter'");
            }
        } else if (k.deadLetterTopic() == null) {
            problems.add(dlq, "required with errorPolicy 'dead-letter'");
        } else if (topic(k.deadLetterTopic(), dlq) && k.deadLetterTopic().equals(k.topic())) {
            problems.add(dlq, "must differ from topic '" + k.topic() + "'");
        }
        return switch (policy) {
            case FAIL -> DeserializationErrorPolicy.FAIL;
            case SKIP -> DeserializationErrorPolicy.SKIP;
            case DEAD_LETTER -> DeserializationErrorPolicy.DEAD_LETTER;
        };
    }

    /** The record key: a field's text in UTF-8; no key where the field is missing or null. */
    private record FieldKey(FieldAccessor field) implements KafkaSinkConfig.KeyEncoder<Object> {
        @Override
        public byte[] keyBytes(Object value) {
            Object k = field.get(value);
            return k == null ? null : String.valueOf(k).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Writes values as JSON or as their {@code toString()} in UTF-8; a sink-only serde. */
    private record FormattedValues(SinkConnectorSpec.ValueFormat format) implements Serde<Object> {
        @Override
        public byte[] serialize(Object value) {
            if (format == SinkConnectorSpec.ValueFormat.STRING) {
                return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
            }
            try {
                return SpecJson.mapper().writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new SerdeException("cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
            }
        }

        @Override
        public Object deserialize(byte[] bytes) {
            throw new UnsupportedOperationException("a kafka sink's value format only writes");
        }

        @Override
        public Class<Object> type() {
            return Object.class;
        }
    }
}
