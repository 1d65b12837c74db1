package dev.weir.runtime.spec.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.time.Instant;

/**
 * Where a kafka source starts reading, in a spec: {@code "earliest"}, {@code "latest"},
 * {@code {"timestamp": "2026-01-01T00:00:00Z"}} or {@code {"committed": "group-id"}}. A string is one of the
 * {@link Named} positions; an object is the record whose property it has.
 */
@JsonDeserialize(using = KafkaStartPosition.Reader.class)
public sealed interface KafkaStartPosition {

    /** A position named by a string. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    enum Named implements KafkaStartPosition {
        /** The first offset still in the log. */
        @JsonProperty("earliest") EARLIEST,
        /** The end of the log when reading starts. */
        @JsonProperty("latest") LATEST
    }

    /** The first record whose Kafka timestamp is at or after {@code timestamp}; the end of the log if none is. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Timestamp(@JsonProperty(required = true) Instant timestamp) implements KafkaStartPosition {
    }

    /** The offsets committed by consumer group {@code committed}; earliest where it has none. */
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Committed(@JsonProperty(required = true) String committed) implements KafkaStartPosition {
    }

    /** Reads the string or object form. */
    final class Reader extends JsonDeserializer<KafkaStartPosition> {
        @Override
        public KafkaStartPosition deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            Class<? extends KafkaStartPosition> type = node.isTextual() ? Named.class
                    : node.has("timestamp") ? Timestamp.class
                    : node.has("committed") ? Committed.class : null;
            if (type == null) {
                return ctxt.reportInputMismatch(KafkaStartPosition.class,
                        "a start position is 'earliest', 'latest', {\"timestamp\": ...} or {\"committed\": ...}");
            }
            return ctxt.readTreeAsValue(node, type);
        }
    }
}
