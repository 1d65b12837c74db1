package dev.weir.runtime.spec.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** A sink node's {@code connector}; the JSON property {@code type} says which. Null settings take defaults. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(SinkConnectorSpec.Print.class), @JsonSubTypes.Type(SinkConnectorSpec.JsonLines.class),
        @JsonSubTypes.Type(SinkConnectorSpec.Kafka.class)})
public sealed interface SinkConnectorSpec {

    /**
     * Prints each result as one line {@code <prefix><event time> <value>} on standard output (the CLI's output).
     *
     * @param prefix put before each line; default none
     * @param format {@code text} ({@code toString()}, the default) or {@code json}
     */
    @JsonTypeName("print")
    @JsonPropertyOrder({"prefix", "format"})
    record Print(String prefix, Format format) implements SinkConnectorSpec {
    }

    /** How a print sink renders values. */
    enum Format {
        @JsonProperty("text") TEXT,
        @JsonProperty("json") JSON
    }

    /**
     * Writes each result's value as one JSON line, replacing the file.
     *
     * @param path the file; a relative path is resolved against the spec file's directory
     */
    @JsonTypeName("jsonl")
    record JsonLines(@JsonProperty(required = true) String path) implements SinkConnectorSpec {
    }

    /**
     * Writes each result to a Kafka topic ({@code dev.weir.runtime.kafka.KafkaSink}), with the result's event
     * timestamp as the record timestamp.
     *
     * @param bootstrapServers {@code host:port[,host:port...]}; default the environment variable
     *                         {@code WEIR_KAFKA_BOOTSTRAP}, else {@code 127.0.0.1:19092}
     * @param topic            the topic to write
     * @param keyField         the field of each value whose text ({@code String.valueOf}, UTF-8) is the record key;
     *                         default none (records without a key)
     * @param valueFormat      {@code json} (the default) or {@code string} ({@code toString()}, UTF-8)
     */
    @JsonTypeName("kafka")
    @JsonPropertyOrder({"bootstrapServers", "topic", "keyField", "valueFormat"})
    record Kafka(String bootstrapServers, @JsonProperty(required = true) String topic, String keyField,
                 ValueFormat valueFormat) implements SinkConnectorSpec {
    }

    /** How a kafka sink writes values. */
    enum ValueFormat {
        @JsonProperty("json") JSON,
        @JsonProperty("string") STRING
    }
}
