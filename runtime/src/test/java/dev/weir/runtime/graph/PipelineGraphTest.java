package dev.weir.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.event.Event;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.sink.CollectSink;
import dev.weir.runtime.source.CollectionSource;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineGraphTest {

    @Test
    void keyedNodeWithoutKeyByInputIsRejectedNamingTheNode() {
        PipelineGraph.Builder b = PipelineGraph.builder("p")
                .add(new SourceNode<>("src", CollectionSource.of(String.class, List.<Event<Void, String>>of()),
                        WatermarkStrategy.monotonous()))
                .add(new KeyedProcessNode<String, String, String>("count", (in, ctx, out) -> { }, null))
                .connect(Edge.main("src", "count", 0));
        assertThatThrownBy(b::build).isInstanceOf(PipelineValidationException.class)
                .hasMessage("node 'count': input 0 must be keyed (come from a keyBy node), comes from 'src'");
    }

    @Test
    void duplicateNamesUnknownNodesAndWrongArityAreRejected() {
        PipelineGraph.Builder b = PipelineGraph.builder("p").add(new UnionNode("u"));
        assertThatThrownBy(() -> b.add(new UnionNode("u"))).hasMessage("node 'u': the name is used twice");
        assertThatThrownBy(b::build).hasMessage("node 'u': needs at least one input");
        PipelineGraph.Builder c = PipelineGraph.builder("p").add(new UnionNode("u")).connect(Edge.main("nope", "u", 0));
        assertThatThrownBy(c::build).hasMessage("edge to 'u': unknown source node 'nope'");
    }

    @Test
    void fluentApiBuildsTheExpectedTopology() {
        Pipeline p = Pipeline.create("p");
        var in = p.source("src", CollectionSource.of(String.class, List.<Event<Void, String>>of()), WatermarkStrategy.monotonous());
        in.map("upper", String::toUpperCase).union("all", in).sink("out", new CollectSink<>());
        PipelineGraph g = p.graph();
        assertThat(g.topologicalOrder()).containsExactly("src", "upper", "all", "out");
        assertThat(g.inputsOf("all")).containsExactly(new Edge("upper", Optional.empty(), "all", 0),
                new Edge("src", Optional.empty(), "all", 1));
    }

    private static dev.weir.runtime.pipeline.DataStream<String> strings(Pipeline p, String name) {
        return p.source(name, CollectionSource.of(String.class, List.<Event<Void, String>>of()),
                WatermarkStrategy.monotonous());
    }

    @Test
    void aKeyByBySourcePartitionsReadsOneSourceThroughStatelessNodes() {
        Pipeline p = Pipeline.create("p");
        strings(p, "src").map("upper", String::toUpperCase).filter("non-empty", v -> !v.isEmpty())
                .keyBy("by-value", v -> v, KeyPartitioning.sourcePartitions())
                .process("seen", (String v, dev.weir.api.function.KeyedContext<String> ctx,
                                  dev.weir.api.function.Collector<String> out) -> out.emit(v))
                .sink("out", new CollectSink<>());
        PipelineGraph g = p.graph();

        assertThat(g.sourceOf((KeyByNode<?, ?>) g.node("by-value")).name()).isEqualTo("src");
    }

    @Test
    void aKeyByBySourcePartitionsBehindAUnionOrAKeyedNodeIsRejectedNamingBoth() {
        Pipeline p = Pipeline.create("p");
        strings(p, "a").union("both", strings(p, "b"))
                .keyBy("by-value", v -> v, KeyPartitioning.sourcePartitions())
                .process("seen", (String v, dev.weir.api.function.KeyedContext<String> ctx,
                                  dev.weir.api.function.Collector<String> out) -> out.emit(v))
                .sink("out", new CollectSink<>());
        assertThatThrownBy(p::graph).isInstanceOf(PipelineValidationException.class)
                .hasMessage("node 'by-value': partitioning by source partitions needs an input that comes from one "
                        + "source through stateless functions only, but it comes through 'both' (UnionNode); use hash "
                        + "partitioning there");

        Pipeline q = Pipeline.create("q");
        strings(q, "a").keyBy("first", v -> v)
                .process("seen", (String v, dev.weir.api.function.KeyedContext<String> ctx,
                                  dev.weir.api.function.Collector<String> out) -> out.emit(v))
                .keyBy("again", v -> v, KeyPartitioning.sourcePartitions())
                .process("seen-again", (String v, dev.weir.api.function.KeyedContext<String> ctx,
                                        dev.weir.api.function.Collector<String> out) -> out.emit(v))
                .sink("out", new CollectSink<>());
        assertThatThrownBy(q::graph).isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("node 'again': partitioning by source partitions needs an input that comes from "
                        + "one source through stateless functions only, but it comes through 'seen' (KeyedProcessNode)");
    }

    @Test
    void aJoinOfStreamsPartitionedDifferentlyIsRejected() {
        Pipeline p = Pipeline.create("p");
        var left = strings(p, "a").keyBy("a-by-value", v -> v, KeyPartitioning.sourcePartitions());
        var right = strings(p, "b").keyBy("b-by-value", v -> v);
        left.intervalJoin(right).between(java.time.Duration.ZERO, java.time.Duration.ofSeconds(1))
                .process("join", (String l, String r, dev.weir.api.function.FunctionContext ctx,
                                  dev.weir.api.function.Collector<String> out) -> out.emit(l + r))
                .sink("out", new CollectSink<>());
        assertThatThrownBy(p::graph).isInstanceOf(PipelineValidationException.class)
                .hasMessage("node 'join': its keyed inputs are partitioned differently (one by source partitions, "
                        + "one by hash); a join needs both the same way");
    }
}
