package dev.weir.runtime.graph;

import dev.weir.api.function.KeyedFunction;

/** Applies a keyed function with keyed state and timers. */
public record KeyedProcessNode<K, I, O>(String name, KeyedFunction<K, I, O> function, Object config) implements Node {
    @Override
    public int inputArity() {
        return 1;
    }

    @Override
    public boolean needsKeyedInput() {
        return true;
    }
}
