package dev.weir.runtime.graph;

import dev.weir.api.function.KeySelector;

/**
 * Partitions a stream by key. Within one instance it is a pass-through that tells downstream keyed nodes how to
 * compute the key; across instances it becomes a shuffle by key group.
 */
public record KeyByNode<T, K>(String name, KeySelector<T, K> keySelector) implements Node {
    @Override
    public int inputArity() {
        return 1;
    }
}
