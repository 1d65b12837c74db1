package dev.weir.runtime.spec.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;
import java.time.Instant;

/** A source node's {@code connector}; the JSON property {@code type} says which. Null settings take defaults. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(SourceConnectorSpec.Generator.class), @JsonSubTypes.Type(SourceConnectorSpec.JsonLines.class),
        @JsonSubTypes.Type(SourceConnectorSpec.Kafka.class)})
public sealed interface SourceConnectorSpec {

    /**
     * Deterministic demo events: the same settings always give the same events. Event {@code i}'s nominal time is
     * {@code startTime + i / eventsPerSecond}; its timestamp is that minus a pseudo-random jitter in
     * {@code [0, outOfOrderness]} (never before {@code startTime}), so events arrive out of order by up to
     * {@code outOfOrderness}. A fraction
     * {@code lateFraction} of the events are stragglers, moved back by a further {@code [0, lateBy]}: with a
     * watermark bound of {@code outOfOrderness}, they are the late events.
     *
     * @param events          {@code clicks} ({@link Click}, keyed by {@code user}) or {@code bids} ({@link Bid},
     *                        keyed by {@code auction}); default clicks
     * @param count           how many events; default 1000
     * @param eventsPerSecond events per second of event time; default 100
     * @param outOfOrderness  the largest jitter; default 0 (in order)
     * @param lateFraction    the fraction of stragglers, in [0, 1]; default 0
     * @param lateBy          a straggler's largest extra delay; default 0
     * @param keys            how many distinct users or auctions; default 10
     * @param seed            seeds the pseudo-random choices; default 42
     * @param startTime       the first event's nominal time; default 2024-01-01T00:00:00Z
     * @param partitions      source partitions; event {@code i} goes to partition {@code i % partitions}; default 1
     */
    @JsonTypeName("generator")
    @JsonPropertyOrder({"events", "count", "eventsPerSecond", "outOfOrderness", "lateFraction", "lateBy", "keys", "seed",
            "startTime", "partitions"})
    record Generator(DemoEvents events, Long count, Double eventsPerSecond, Duration outOfOrderness, Double lateFraction,
                     Duration lateBy, Integer keys, Long seed, Instant startTime, Integer partitions)
            implements SourceConnectorSpec {
    }

    /** Which demo events a generator makes. */
    enum DemoEvents {
        @JsonProperty("clicks") CLICKS,
        @JsonProperty("bids") BIDS
    }

    /**
     * A file with one JSON value per line, read once (a bounded source). Blank lines are skipped.
     *
     * @param path      the file; a relative path is resolved against the spec file's directory
     * @param valueType {@code json} (the default) for Jackson {@code JsonNode}s, or the name of a class to bind
     *                  each line to
     */
    @JsonTypeName("jsonl")
    @JsonPropertyOrder({"path", "valueType"})
    record JsonLines(@JsonProperty(required = true) String path, String valueType) implements SourceConnectorSpec {
        /** The {@code valueType} for Jackson trees. */
        public static final String JSON = "json";
    }

    /**
     * A Kafka topic, read with one reader per partition ({@code dev.weir.runtime.kafka.KafkaSource}). The Kafka record
     * timestamp is the source timestamp.
     *
     * @param bootstrapServers {@code host:port[,host:port...]}; default the environment variable
     *                         {@code WEIR_KAFKA_BOOTSTRAP}, else {@code 127.0.0.1:19092}
     * @param topic            the topic to read
     * @param valueType        {@code json} (the default) for Jackson {@code JsonNode}s, {@code string} for UTF-8 text,
     *                         or the name of a class (read with the default serde for it: JSON for records)
     * @param startPosition    where each partition starts; default earliest
     * @param stopAtEnd        bounded: stop at the end offsets seen when reading starts; default false
     * @param errorPolicy      what happens to a record that cannot be deserialized; default fail
     * @param deadLetterTopic  where {@code dead-letter} writes such records; required with it, not allowed without
     * @param pollTimeout      how long one consumer poll may block; default 10 ms
     */
    @JsonTypeName("kafka")
    @JsonPropertyOrder({"bootstrapServers", "topic", "valueType", "startPosition", "stopAtEnd", "errorPolicy",
            "deadLetterTopic", "pollTimeout"})
    record Kafka(String bootstrapServers, @JsonProperty(required = true) String topic, String valueType,
                 KafkaStartPosition startPosition, Boolean stopAtEnd, KafkaErrorPolicy errorPolicy,
                 String deadLetterTopic, Duration pollTimeout) implements SourceConnectorSpec {
        /** The {@code valueType} for UTF-8 strings. */
        public static final String STRING = "string";
    }

    /** What a kafka source does with a record it cannot deserialize. */
    enum KafkaErrorPolicy {
        @JsonProperty("fail") FAIL,
        @JsonProperty("skip") SKIP,
        @JsonProperty("dead-letter") DEAD_LETTER
    }
}
