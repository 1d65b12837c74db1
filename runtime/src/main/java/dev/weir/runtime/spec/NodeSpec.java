package dev.weir.runtime.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.weir.runtime.spec.connector.SinkConnectorSpec;
import dev.weir.runtime.spec.connector.SourceConnectorSpec;
import java.time.Duration;

/**
 * A node of a pipeline spec; the JSON property {@code type} says which kind. Each kind maps onto one
 * {@link dev.weir.runtime.graph.Node}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(NodeSpec.Source.class), @JsonSubTypes.Type(NodeSpec.Function.class),
        @JsonSubTypes.Type(NodeSpec.KeyBy.class), @JsonSubTypes.Type(NodeSpec.KeyedFunction.class),
        @JsonSubTypes.Type(NodeSpec.Window.class), @JsonSubTypes.Type(NodeSpec.IntervalJoin.class),
        @JsonSubTypes.Type(NodeSpec.Union.class), @JsonSubTypes.Type(NodeSpec.Sink.class)})
public sealed interface NodeSpec {

    /** Unique within the pipeline. */
    String name();

    /** The node kind as the spec spells it ({@code source}, {@code keyBy}, ...). */
    @JsonIgnore
    default String kind() {
        return getClass().getAnnotation(JsonTypeName.class).value();
    }

    /**
     * Reads a connector.
     *
     * @param connector  which connector and its settings
     * @param watermarks timestamps and watermarks; null for the defaults
     */
    @JsonTypeName("source")
    @JsonPropertyOrder({"name", "connector", "watermarks"})
    record Source(@JsonProperty(required = true) String name,
                  @JsonProperty(required = true) SourceConnectorSpec connector,
                  WatermarksSpec watermarks) implements NodeSpec {
    }

    /** A stateless function (map / filter / flatMap). */
    @JsonTypeName("function")
    @JsonPropertyOrder({"name", "function"})
    record Function(@JsonProperty(required = true) String name,
                    @JsonProperty(required = true) FunctionRef function) implements NodeSpec {
    }

    /**
     * Partitions the stream by key: by a {@code field}, or by a key selector {@code function}; exactly one.
     * {@code partitioning} (default {@code hash}) says how keys are put into key groups.
     */
    @JsonTypeName("keyBy")
    @JsonPropertyOrder({"name", "field", "function", "partitioning"})
    record KeyBy(@JsonProperty(required = true) String name, String field, FunctionRef function,
                 Partitioning partitioning) implements NodeSpec {
        /** {@link dev.weir.runtime.graph.KeyPartitioning} as the spec spells it. */
        public enum Partitioning {
            /** By the key's hash: a shuffle across tasks. */
            @JsonProperty("hash") HASH,
            /** By the source's partitions: the source topic is partitioned by this key (as text, UTF-8). */
            @JsonProperty("source") SOURCE
        }
    }

    /** A keyed function with keyed state and timers; its input must come from a keyBy node. */
    @JsonTypeName("keyedFunction")
    @JsonPropertyOrder({"name", "function"})
    record KeyedFunction(@JsonProperty(required = true) String name,
                         @JsonProperty(required = true) FunctionRef function) implements NodeSpec {
    }

    /**
     * Keyed windows; the input must come from a keyBy node.
     *
     * @param window          which windows an element belongs to
     * @param trigger         when windows emit; null for the window's default
     * @param allowedLateness how long after the watermark passes a window's end late elements still update it;
     *                        null for 0
     * @param lateDataOutput  the side output that receives elements too late for all their windows; null to drop
     *                        them
     * @param function        an aggregate or process-window function
     */
    @JsonTypeName("window")
    @JsonPropertyOrder({"name", "window", "trigger", "allowedLateness", "lateDataOutput", "function"})
    record Window(@JsonProperty(required = true) String name,
                  @JsonProperty(required = true) WindowAssignerSpec window,
                  TriggerSpec trigger,
                  Duration allowedLateness,
                  String lateDataOutput,
                  @JsonProperty(required = true) FunctionRef function) implements NodeSpec {
    }

    /**
     * Joins two keyed streams (input 0 left, input 1 right) on key and
     * {@code left.ts + lowerBound <= right.ts <= left.ts + upperBound}, both bounds inclusive.
     */
    @JsonTypeName("intervalJoin")
    @JsonPropertyOrder({"name", "lowerBound", "upperBound", "function"})
    record IntervalJoin(@JsonProperty(required = true) String name,
                        @JsonProperty(required = true) Duration lowerBound,
                        @JsonProperty(required = true) Duration upperBound,
                        @JsonProperty(required = true) FunctionRef function) implements NodeSpec {
    }

    /** Merges streams of the same type. */
    @JsonTypeName("union")
    record Union(@JsonProperty(required = true) String name) implements NodeSpec {
    }

    /** Writes to a connector. */
    @JsonTypeName("sink")
    @JsonPropertyOrder({"name", "connector"})
    record Sink(@JsonProperty(required = true) String name,
                @JsonProperty(required = true) SinkConnectorSpec connector) implements NodeSpec {
    }
}
