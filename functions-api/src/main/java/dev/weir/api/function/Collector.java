package dev.weir.api.function;

/**
 * Receives a function's outputs. A function may emit zero, one or many values per input.
 *
 * @param <T> output type
 */
@FunctionalInterface
public interface Collector<T> {
    /** Emits a value with the event timestamp of the input being processed (or of the firing timer). */
    void emit(T value);
}
