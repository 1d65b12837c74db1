package dev.weir.runtime.pipeline;

import dev.weir.api.function.OutputTag;
import dev.weir.api.window.AggregateFunction;
import dev.weir.api.window.ProcessWindowFunction;
import dev.weir.api.window.Trigger;
import dev.weir.api.window.Triggers;
import dev.weir.api.window.WindowResult;
import dev.weir.api.window.WindowSpec;
import dev.weir.runtime.graph.Edge;
import dev.weir.runtime.graph.WindowFunctionRef;
import dev.weir.runtime.graph.WindowNode;
import java.time.Duration;
import java.util.Optional;

/**
 * A keyed stream grouped into windows, before its function is chosen.
 *
 * @param <K> key type
 * @param <T> element type
 */
public final class WindowedStream<K, T> {
    private final KeyedStream<K, T> input;
    private final WindowSpec spec;
    private Trigger trigger;
    private Duration allowedLateness = Duration.ZERO;
    private Optional<OutputTag<?>> lateDataTag = Optional.empty();
    private Object config;

    WindowedStream(KeyedStream<K, T> input, WindowSpec spec) {
        this.input = input;
        this.spec = spec;
        this.trigger = Triggers.defaultFor(spec);
    }

    public WindowedStream<K, T> trigger(Trigger newTrigger) {
        this.trigger = newTrigger;
        return this;
    }

    /** Keeps window state this long after the watermark passes a window's end; late elements update results. */
    public WindowedStream<K, T> allowedLateness(Duration lateness) {
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("allowed lateness must not be negative");
        }
        this.allowedLateness = lateness;
        return this;
    }

    /** Elements too late for all their windows go to this side output of the window node. */
    public WindowedStream<K, T> lateDataTo(OutputTag<T> tag) {
        this.lateDataTag = Optional.of(tag);
        return this;
    }

    /** The typed configuration handed to the window function. */
    public WindowedStream<K, T> config(Object functionConfig) {
        this.config = functionConfig;
        return this;
    }

    /** Aggregates incrementally; emits one {@link WindowResult} per key, window and firing. */
    public <A, R> DataStream<WindowResult<K, R>> aggregate(String name, AggregateFunction<T, A, R> function) {
        return add(name, new WindowFunctionRef.Aggregate<>(function));
    }

    /** Hands all elements of a window to {@code function} when it fires. */
    public <O> DataStream<O> process(String name, ProcessWindowFunction<K, T, O> function) {
        return add(name, new WindowFunctionRef.Process<>(function));
    }

    private <O> DataStream<O> add(String name, WindowFunctionRef fn) {
        input.pipeline.add(new WindowNode(name, spec, trigger, allowedLateness, lateDataTag, fn, config),
                new Edge(input.node, Optional.empty(), name, 0));
        return new DataStream<>(input.pipeline, name, Optional.empty());
    }
}
