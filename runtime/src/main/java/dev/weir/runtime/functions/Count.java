package dev.weir.runtime.functions;

import dev.weir.api.metadata.WeirFunction;
import dev.weir.api.window.AggregateFunction;

/**
 * Counts the elements of each window (or pane). The accumulator is a one-element {@code long[]} updated in place, so
 * counting allocates nothing per element.
 *
 * @param <T> element type (ignored)
 */
@WeirFunction(name = "count", version = "1.0.0", description = "Counts the elements of each window")
public final class Count<T> implements AggregateFunction<T, long[], Long> {

    @Override
    public long[] createAccumulator() {
        return new long[1];
    }

    @Override
    public long[] add(T value, long[] accumulator) {
        accumulator[0]++;
        return accumulator;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
        a[0] += b[0];
        return a;
    }

    @Override
    public Long result(long[] accumulator) {
        return accumulator[0];
    }

    @Override
    public String toString() {
        return "Count";
    }
}
