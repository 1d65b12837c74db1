package dev.weir.runtime.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Duration;

/**
 * When a window emits (a window node's {@code trigger}); the JSON property {@code type} says which trigger.
 * {@code purging: true} drops a window's contents after each firing, so every pane covers only the elements since
 * the previous one; null means false.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(TriggerSpec.EventTime.class), @JsonSubTypes.Type(TriggerSpec.ProcessingTime.class),
        @JsonSubTypes.Type(TriggerSpec.Count.class), @JsonSubTypes.Type(TriggerSpec.Early.class)})
public sealed interface TriggerSpec {

    Boolean purging();

    /** Whether to wrap the trigger in a purging one. */
    default boolean purges() {
        return Boolean.TRUE.equals(purging());
    }

    /** Fire when the watermark passes the window's end, then once per late element within the allowed lateness. */
    @JsonTypeName("event-time")
    record EventTime(Boolean purging) implements TriggerSpec {
    }

    /** Fire when the wall clock passes the window's end. */
    @JsonTypeName("processing-time")
    record ProcessingTime(Boolean purging) implements TriggerSpec {
    }

    /** Fire every {@code count} elements, and for the remainder when the window completes. */
    @JsonTypeName("count")
    @JsonPropertyOrder({"count", "purging"})
    record Count(@JsonProperty(required = true) Long count, Boolean purging) implements TriggerSpec {
    }

    /**
     * Event-time firing plus early panes every {@code interval} of {@code timeDomain} time (null: processing).
     */
    @JsonTypeName("early")
    @JsonPropertyOrder({"interval", "timeDomain", "purging"})
    record Early(@JsonProperty(required = true) Duration interval, SpecTimeDomain timeDomain, Boolean purging)
            implements TriggerSpec {
    }
}
