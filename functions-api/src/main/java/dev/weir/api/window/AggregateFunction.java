package dev.weir.api.window;

/**
 * Incremental window aggregation: elements are folded into an accumulator as they arrive, so a window
 * keeps one accumulator, not its elements. {@link #merge} lets the engine combine partial accumulators: for
 * sliding windows each event is added once to a pane (a slice of {@code gcd(size, slide)}) and windows are
 * merged from panes; for session windows, sessions bridged by a late event are merged.
 *
 * <p>{@code add} and {@code merge} may mutate and return their first argument (cheapest), or return a new
 * accumulator. {@code merge} must be associative, and {@code result} must not mutate the accumulator.
 *
 * @param <IN>  input type
 * @param <ACC> accumulator type
 * @param <OUT> result type
 */
public interface AggregateFunction<IN, ACC, OUT> {

    ACC createAccumulator();

    ACC add(IN value, ACC accumulator);

    ACC merge(ACC a, ACC b);

    OUT result(ACC accumulator);
}
