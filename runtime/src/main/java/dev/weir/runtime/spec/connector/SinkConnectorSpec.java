package dev.weir.runtime.spec.connector;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** A sink node's {@code connector}; the JSON property {@code type} says which. Null settings take defaults. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(SinkConnectorSpec.Print.class), @JsonSubTypes.Type(SinkConnectorSpec.JsonLines.class)})
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
}
