package dev.weir.runtime.graph;

import dev.weir.runtime.sink.Sink;

/** Writes results to a sink. */
public record SinkNode<T>(String name, Sink<T> sink) implements Node {
    @Override
    public int inputArity() {
        return 1;
    }
}
