package dev.weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.window.TumblingWindows;
import dev.weir.runtime.functions.Count;
import dev.weir.runtime.graph.Edge;
import dev.weir.runtime.graph.KeyByNode;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.SinkNode;
import dev.weir.runtime.graph.SourceNode;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.sink.CollectSink;
import dev.weir.runtime.source.GeneratorSource;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The graph rewrite, without Kafka: a key-by becomes shuffle-out → (topic) → shuffle-in → key-by. */
class TaskGraphTest {
    private static PipelineGraph counts() {
        Pipeline p = Pipeline.create("counts");
        p.source("numbers", new GeneratorSource<>(Long.class, 100, 7, i -> i, (v, i) -> i),
                        WatermarkStrategy.<Long>monotonous())
                .keyBy("by-parity", v -> v % 2)
                .window(TumblingWindows.of(Duration.ofMillis(10)))
                .aggregate("count", new Count<>())
                .sink("out", new CollectSink<>());
        return p.graph();
    }

    @Test
    void aSingleTaskOwnsEveryKeyGroupAndKeepsItsKeyBysInProcess() {
        PipelineGraph graph = counts();
        TaskId task = new TaskId("counts", 0, 1);
        PipelineGraph t = TaskGraph.forTask(graph, task, "", null, null, new TaskReaders(java.util.Map.of()), new TaskShuffles(),
                getClass().getClassLoader(), null);
        assertThat(TaskGraph.shuffleTopics(graph, task, "")).isEmpty();
        assertThat(t.nodes()).hasSize(graph.nodes().size());
        assertThat(t.edges()).isEqualTo(graph.edges());
        assertThat(((SourceNode<?>) t.node("numbers")).source().partitions()).isEqualTo(7);
    }

    @Test
    void keyByIsCutIntoAShuffleAndSourcesKeepTheirOwnPartitions() {
        PipelineGraph graph = counts();
        TaskId task = new TaskId("counts", 1, 3);

        PipelineGraph t = TaskGraph.forTask(graph, task, "", null, null, new TaskReaders(java.util.Map.of()), new TaskShuffles(), getClass().getClassLoader(), null);

        assertThat(TaskGraph.shuffleTopics(graph, task, "")).containsExactly("weir.counts.shuffle.by-parity");
        SourceNode<?> numbers = (SourceNode<?>) t.node("numbers");
        assertThat(numbers.source().partitions()).as("partitions 1 and 4 of 7").isEqualTo(2);
        assertThat(t.node("by-parity.shuffle-out")).isInstanceOf(SinkNode.class);
        assertThat(((SinkNode<?>) t.node("by-parity.shuffle-out")).sink()).isInstanceOf(ShuffleSink.class);
        SourceNode<?> in = (SourceNode<?>) t.node("by-parity.shuffle-in");
        assertThat(in.source()).isInstanceOf(ShuffleSource.class);
        assertThat(in.watermarks().sourceProvided()).isTrue();
        assertThat(t.node("by-parity")).isInstanceOf(KeyByNode.class);
        assertThat(t.inputsOf("by-parity")).containsExactly(Edge.main("by-parity.shuffle-in", "by-parity", 0));
        assertThat(t.inputsOf("by-parity.shuffle-out")).containsExactly(Edge.main("numbers", "by-parity.shuffle-out", 0));
        assertThat(t.inputsOf("count")).isEqualTo(graph.inputsOf("count"));
        assertThat(t.nodes()).hasSize(graph.nodes().size() + 2);
    }
}
