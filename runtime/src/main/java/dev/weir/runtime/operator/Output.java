package dev.weir.runtime.operator;

/**
 * Where an operator pushes its results: the main output (an {@link Input} of the next operator) plus side
 * outputs by id.
 *
 * @param <T> main output type
 */
public interface Output<T> extends Input<T> {

    /** Writes to the side output {@code tagId}; dropped if nothing consumes that side output. */
    void side(String tagId, Object value, long timestampMillis, dev.weir.api.event.Headers headers);
}
