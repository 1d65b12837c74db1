package dev.weir.runtime.pipeline;

import dev.weir.api.function.KeySelector;
import dev.weir.api.function.OutputTag;
import dev.weir.api.function.StatelessFunction;
import dev.weir.runtime.graph.Edge;
import dev.weir.runtime.graph.KeyByNode;
import dev.weir.runtime.graph.KeyPartitioning;
import dev.weir.runtime.graph.SinkNode;
import dev.weir.runtime.graph.StatelessNode;
import dev.weir.runtime.graph.UnionNode;
import dev.weir.runtime.sink.Sink;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A stream in a pipeline under construction: the main output, or one side output, of a node.
 *
 * @param <T> element type
 */
public class DataStream<T> {
    final Pipeline pipeline;
    final String node;
    final Optional<String> sideOutput;

    DataStream(Pipeline pipeline, String node, Optional<String> sideOutput) {
        this.pipeline = pipeline;
        this.node = node;
        this.sideOutput = sideOutput;
    }

    /** The name of the node producing this stream. */
    public String nodeName() {
        return node;
    }

    Edge edgeTo(String target, int input) {
        return new Edge(node, sideOutput, target, input);
    }

    /** Applies a stateless function (map, filter and flatMap in one shape). */
    public <O> DataStream<O> process(String name, StatelessFunction<T, O> function) {
        return process(name, function, null);
    }

    /** Applies a stateless function with its typed configuration. */
    public <O> DataStream<O> process(String name, StatelessFunction<T, O> function, Object config) {
        pipeline.add(new StatelessNode<>(name, function, config), edgeTo(name, 0));
        return new DataStream<>(pipeline, name, Optional.empty());
    }

    public <O> DataStream<O> map(String name, Function<? super T, ? extends O> mapper) {
        return process(name, (in, ctx, out) -> out.emit(mapper.apply(in)));
    }

    public DataStream<T> filter(String name, Predicate<? super T> predicate) {
        return process(name, (in, ctx, out) -> {
            if (predicate.test(in)) {
                out.emit(in);
            }
        });
    }

    public <O> DataStream<O> flatMap(String name, Function<? super T, ? extends Iterable<O>> mapper) {
        return process(name, (in, ctx, out) -> {
            for (O o : mapper.apply(in)) {
                out.emit(o);
            }
        });
    }

    /** Partitions the stream by key, putting keys into key groups by hash (a shuffle across tasks). */
    public <K> KeyedStream<K, T> keyBy(String name, KeySelector<T, K> keySelector) {
        return keyBy(name, keySelector, KeyPartitioning.hash());
    }

    /**
     * Partitions the stream by key with {@code partitioning}; {@link KeyPartitioning#sourcePartitions()} when the
     * source topic is partitioned by this key already, which saves the shuffle.
     */
    public <K> KeyedStream<K, T> keyBy(String name, KeySelector<T, K> keySelector, KeyPartitioning partitioning) {
        pipeline.add(new KeyByNode<>(name, keySelector, partitioning), edgeTo(name, 0));
        return new KeyedStream<>(pipeline, name);
    }

    public <K> KeyedStream<K, T> keyBy(KeySelector<T, K> keySelector) {
        return keyBy(pipeline.uniqueName(node + "-keyBy"), keySelector);
    }

    /** Merges this stream with others of the same type. */
    @SafeVarargs
    public final DataStream<T> union(String name, DataStream<T>... others) {
        Edge[] edges = new Edge[others.length + 1];
        edges[0] = edgeTo(name, 0);
        for (int i = 0; i < others.length; i++) {
            edges[i + 1] = others[i].edgeTo(name, i + 1);
        }
        pipeline.add(new UnionNode(name), edges);
        return new DataStream<>(pipeline, name, Optional.empty());
    }

    /** The side output {@code tag} of the node that produces this stream. */
    public <X> DataStream<X> sideOutput(OutputTag<X> tag) {
        return new DataStream<>(pipeline, node, Optional.of(tag.id()));
    }

    /** Writes the stream to a sink. */
    public void sink(String name, Sink<T> sink) {
        pipeline.add(new SinkNode<>(name, sink), edgeTo(name, 0));
    }
}
