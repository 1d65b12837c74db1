package dev.weir.runtime.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;

/**
 * Which windows an element belongs to (a window node's {@code window}); the JSON property {@code type} says
 * which kind. Windows are half-open intervals {@code [start, end)}. {@code timeDomain} null means event time.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(WindowAssignerSpec.Tumbling.class), @JsonSubTypes.Type(WindowAssignerSpec.Sliding.class),
        @JsonSubTypes.Type(WindowAssignerSpec.Session.class), @JsonSubTypes.Type(WindowAssignerSpec.Global.class)})
public sealed interface WindowAssignerSpec {

    /** Fixed-size, non-overlapping windows {@code [k*size + offset, (k+1)*size + offset)}. */
    @JsonTypeName("tumbling")
    @JsonPropertyOrder({"size", "offset", "timeDomain"})
    record Tumbling(@JsonProperty(required = true) Duration size, Duration offset, SpecTimeDomain timeDomain)
            implements WindowAssignerSpec {
    }

    /** Windows of {@code size} starting every {@code slide}. */
    @JsonTypeName("sliding")
    @JsonPropertyOrder({"size", "slide", "offset", "timeDomain"})
    record Sliding(@JsonProperty(required = true) Duration size, @JsonProperty(required = true) Duration slide,
                   Duration offset, SpecTimeDomain timeDomain) implements WindowAssignerSpec {
    }

    /** Per-key sessions that close after {@code gap} without elements. */
    @JsonTypeName("session")
    @JsonPropertyOrder({"gap", "timeDomain"})
    record Session(@JsonProperty(required = true) Duration gap, SpecTimeDomain timeDomain) implements WindowAssignerSpec {
    }

    /** One window per key over all of time; needs a trigger to emit before the input ends. */
    @JsonTypeName("global")
    record Global() implements WindowAssignerSpec {
    }
}
