package dev.weir.runtime.oracle;

import dev.weir.api.window.AggregateFunction;

/**
 * Counts and sums {@link Ev#value()}. Uses the cheapest form the {@link AggregateFunction} contract allows:
 * {@code add} and {@code merge} mutate and return their first argument, so an engine that shares an accumulator
 * between windows (or merges into a pane it still needs) produces wrong results.
 */
final class CountSumAggregate implements AggregateFunction<Ev, CountSumAggregate.Acc, CountSum> {

    /** Mutable accumulator. */
    static final class Acc {
        long count;
        long sum;
    }

    @Override
    public Acc createAccumulator() {
        return new Acc();
    }

    @Override
    public Acc add(Ev value, Acc accumulator) {
        accumulator.count++;
        accumulator.sum += value.value();
        return accumulator;
    }

    @Override
    public Acc merge(Acc a, Acc b) {
        a.count += b.count;
        a.sum += b.sum;
        return a;
    }

    @Override
    public CountSum result(Acc accumulator) {
        return new CountSum(accumulator.count, accumulator.sum);
    }
}
