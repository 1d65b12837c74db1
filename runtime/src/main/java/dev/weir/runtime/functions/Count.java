package dev.weir.runtime.functions;

import dev.weir.api.metadata.WeirFunction;
import dev.weir.api.window.AggregateFunction;

/** Counts the elements of each window. */
@WeirFunction(name = "count", version = "1.0.0", description = "Counts the elements of each window")
public final class Count implements AggregateFunction<Object, Long, Long> {

    @Override
    public Long createAccumulator() {
        return 0L;
    }

    @Override
    public Long add(Object value, Long accumulator) {
        return accumulator + 1;
    }

    @Override
    public Long merge(Long a, Long b) {
        return a + b;
    }

    @Override
    public Long result(Long accumulator) {
        return accumulator;
    }

    @Override
    public String toString() {
        return "Count";
    }
}
