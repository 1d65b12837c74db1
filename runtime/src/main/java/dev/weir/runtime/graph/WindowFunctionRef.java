package dev.weir.runtime.graph;

import dev.weir.api.window.AggregateFunction;
import dev.weir.api.window.ProcessWindowFunction;

/** What a window computes: an incremental aggregate, or a function over all of the window's elements. */
public sealed interface WindowFunctionRef {
    /** Emits {@code WindowResult<K, OUT>} per firing. */
    record Aggregate<IN, ACC, OUT>(AggregateFunction<IN, ACC, OUT> function) implements WindowFunctionRef {
    }

    /** Emits whatever the function emits. */
    record Process<K, IN, OUT>(ProcessWindowFunction<K, IN, OUT> function) implements WindowFunctionRef {
    }
}
