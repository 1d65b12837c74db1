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
}
