package dev.weir.runtime.pipeline;

import dev.weir.api.function.JoinFunction;
import dev.weir.runtime.graph.Edge;
import dev.weir.runtime.graph.IntervalJoinNode;
import java.time.Duration;
import java.util.Optional;

/**
 * Configures an interval join: {@code left.intervalJoin(right).between(lower, upper).process(name, fn)} pairs
 * elements with equal keys where {@code left.ts + lower <= right.ts <= left.ts + upper}.
 */
public final class IntervalJoinBuilder<K, L, R> {
    private final KeyedStream<K, L> left;
    private final KeyedStream<K, R> right;
    private Duration lower;
    private Duration upper;

    IntervalJoinBuilder(KeyedStream<K, L> left, KeyedStream<K, R> right) {
        this.left = left;
        this.right = right;
    }

    /** Both bounds inclusive; either may be negative. */
    public IntervalJoinBuilder<K, L, R> between(Duration lowerBound, Duration upperBound) {
        this.lower = lowerBound;
        this.upper = upperBound;
        return this;
    }

    public <O> DataStream<O> process(String name, JoinFunction<L, R, O> function) {
        return process(name, function, null);
    }

    public <O> DataStream<O> process(String name, JoinFunction<L, R, O> function, Object config) {
        if (lower == null) {
            throw new IllegalStateException("call between(lower, upper) before process");
        }
        left.pipeline.add(new IntervalJoinNode<>(name, lower, upper, function, config),
                new Edge(left.node, Optional.empty(), name, 0), new Edge(right.node, Optional.empty(), name, 1));
        return new DataStream<>(left.pipeline, name, Optional.empty());
    }
}
