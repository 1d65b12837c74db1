package dev.weir.runtime.graph;

import dev.weir.api.function.StatelessFunction;

/** Applies a stateless function (map / filter / flatMap). {@code config} is the function's bound config or null. */
public record StatelessNode<I, O>(String name, StatelessFunction<I, O> function, Object config) implements Node {
    @Override
    public int inputArity() {
        return 1;
    }
}
