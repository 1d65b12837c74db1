package dev.weir.bench;

import dev.weir.api.window.AggregateFunction;

/**
 * Counts elements into a one-slot {@code long[]} that {@code add} mutates in place: the cheapest accumulator the
 * API allows, so the windowed queries measure the engine, not the function.
 *
 * @param <T> element type
 */
public final class CountAggregate<T> implements AggregateFunction<T, long[], Long> {

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
}
