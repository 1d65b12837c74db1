package dev.weir.api.function;

/**
 * Combines a matching pair of a stream-stream join. For an interval join, called once per pair
 * {@code (left, right)} with equal keys and {@code left.ts + lower <= right.ts <= left.ts + upper} (both bounds
 * inclusive). Outputs carry the larger of the two timestamps.
 *
 * @param <L> left element type
 * @param <R> right element type
 * @param <O> output type
 */
@FunctionalInterface
public interface JoinFunction<L, R, O> {
    void join(L left, R right, FunctionContext ctx, Collector<O> out) throws Exception;
}
