package dev.weir.api.function;

import java.util.Objects;

/**
 * Names a side output: a secondary stream a function writes to next to its main output (for example
 * malformed input, or late data). Two tags are equal when their ids are.
 *
 * @param id   unique name of the side output within the pipeline
 * @param type the type of the values written to it
 * @param <T>  side output value type
 */
public record OutputTag<T>(String id, Class<T> type) {
    public OutputTag {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (id.isBlank()) {
            throw new IllegalArgumentException("side output id must not be blank");
        }
    }

    public static <T> OutputTag<T> of(String id, Class<T> type) {
        return new OutputTag<>(id, type);
    }
}
