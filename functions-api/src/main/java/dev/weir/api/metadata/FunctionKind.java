package dev.weir.api.metadata;

/** The shape of a function, which decides where it can go in a pipeline. */
public enum FunctionKind {
    /** {@link dev.weir.api.function.StatelessFunction}. */
    STATELESS,
    /** {@link dev.weir.api.function.KeyedFunction}: needs a keyed input. */
    KEYED,
    /** {@link dev.weir.api.window.AggregateFunction}: used by a window. */
    WINDOW_AGGREGATE,
    /** {@link dev.weir.api.window.ProcessWindowFunction}: used by a window, sees all elements. */
    WINDOW_PROCESS,
    /** {@link dev.weir.api.function.KeySelector}: computes a key. */
    KEY_SELECTOR,
    /** {@link dev.weir.api.function.JoinFunction}: combines the pairs of a stream-stream join. */
    JOIN
}
