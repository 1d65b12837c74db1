package dev.weir.api.window;

import dev.weir.api.function.Collector;

/**
 * Processes all elements of a window at once, for functions that need them all (median, top-n, sort).
 * The engine buffers the elements; prefer {@link AggregateFunction} where the result can be folded.
 *
 * @param <K>   key type
 * @param <IN>  element type
 * @param <OUT> output type
 */
@FunctionalInterface
public interface ProcessWindowFunction<K, IN, OUT> {
    /** Called when the window fires; elements are in arrival order. Outputs carry the window's max timestamp. */
    void process(K key, Iterable<IN> elements, WindowContext ctx, Collector<OUT> out) throws Exception;
}
