package dev.weir.runtime.pipeline;

import dev.weir.runtime.graph.Edge;
import dev.weir.runtime.graph.Node;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.PipelineOptions;
import dev.weir.runtime.graph.SourceNode;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.util.Optional;

/** Entry point of the fluent API: add sources, chain operations on the returned streams, then take the {@link #graph()}. */
public final class Pipeline {
    private final PipelineGraph.Builder builder;

    private Pipeline(String name) {
        this.builder = PipelineGraph.builder(name);
    }

    public static Pipeline create(String name) {
        return new Pipeline(name);
    }

    public Pipeline options(PipelineOptions options) {
        builder.options(options);
        return this;
    }

    /** Adds a source; every partition assigns timestamps and generates watermarks with {@code watermarks}. */
    public <T> DataStream<T> source(String name, Source<T> source, WatermarkStrategy<T> watermarks) {
        builder.add(new SourceNode<>(name, source, watermarks));
        return new DataStream<>(this, name, Optional.empty());
    }

    /** The validated graph. */
    public PipelineGraph graph() {
        return builder.build();
    }

    void add(Node node, Edge... inputs) {
        builder.add(node);
        for (Edge e : inputs) {
            builder.connect(e);
        }
    }

    String uniqueName(String base) {
        String n = base;
        for (int i = 2; builder.has(n); i++) {
            n = base + "-" + i;
        }
        return n;
    }
}
