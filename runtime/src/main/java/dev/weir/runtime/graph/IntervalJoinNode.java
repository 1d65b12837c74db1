package dev.weir.runtime.graph;

import dev.weir.api.function.JoinFunction;
import java.time.Duration;

/**
 * Joins two keyed streams: pairs with equal keys and {@code left.ts + lower <= right.ts <= left.ts + upper}
 * (inclusive). Input 0 is the left stream, input 1 the right.
 */
public record IntervalJoinNode<L, R, O>(String name, Duration lowerBound, Duration upperBound,
                                        JoinFunction<L, R, O> function, Object config) implements Node {
    public IntervalJoinNode {
        if (lowerBound.compareTo(upperBound) > 0) {
            throw new IllegalArgumentException("interval join lower bound " + lowerBound + " exceeds upper bound " + upperBound);
        }
    }

    @Override
    public int inputArity() {
        return 2;
    }

    @Override
    public boolean needsKeyedInput() {
        return true;
    }
}
