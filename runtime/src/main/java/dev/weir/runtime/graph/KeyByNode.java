package dev.weir.runtime.graph;

import dev.weir.api.function.KeySelector;
import java.util.Objects;

/**
 * Partitions a stream by key. Within one instance it is a pass-through that tells downstream keyed nodes how to
 * compute the key; across instances it becomes a shuffle by key group, unless its {@link KeyPartitioning} says the
 * source is partitioned by the key already.
 */
public record KeyByNode<T, K>(String name, KeySelector<T, K> keySelector, KeyPartitioning partitioning)
        implements Node {
    public KeyByNode {
        Objects.requireNonNull(partitioning, "partitioning");
    }

    /** A key-by with {@link KeyPartitioning#hash() hash} partitioning. */
    public KeyByNode(String name, KeySelector<T, K> keySelector) {
        this(name, keySelector, KeyPartitioning.hash());
    }

    /** Whether it moves records between tasks: every partitioning but by source partition does. */
    public boolean shuffles() {
        return !(partitioning instanceof KeyPartitioning.SourcePartitions);
    }

    @Override
    public int inputArity() {
        return 1;
    }
}
