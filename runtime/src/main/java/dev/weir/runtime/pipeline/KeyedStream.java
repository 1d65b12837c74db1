package dev.weir.runtime.pipeline;

import dev.weir.api.function.KeyedFunction;
import dev.weir.api.window.WindowSpec;
import dev.weir.runtime.graph.KeyedProcessNode;
import java.util.Optional;

/**
 * A stream partitioned by key: input of keyed functions, windows and joins.
 *
 * @param <K> key type
 * @param <T> element type
 */
public final class KeyedStream<K, T> {
    final Pipeline pipeline;
    final String node;

    KeyedStream(Pipeline pipeline, String node) {
        this.pipeline = pipeline;
        this.node = node;
    }

    /** Applies a keyed function (keyed state, timers). */
    public <O> DataStream<O> process(String name, KeyedFunction<K, T, O> function) {
        return process(name, function, null);
    }

    public <O> DataStream<O> process(String name, KeyedFunction<K, T, O> function, Object config) {
        pipeline.add(new KeyedProcessNode<>(name, function, config),
                new dev.weir.runtime.graph.Edge(node, Optional.empty(), name, 0));
        return new DataStream<>(pipeline, name, Optional.empty());
    }

    /** Groups elements into windows per key. */
    public WindowedStream<K, T> window(WindowSpec spec) {
        return new WindowedStream<>(this, spec);
    }

    /** Joins with another keyed stream on key and an event-time interval. */
    public <R> IntervalJoinBuilder<K, T, R> intervalJoin(KeyedStream<K, R> right) {
        return new IntervalJoinBuilder<>(this, right);
    }
}
