package dev.weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.window.TumblingWindows;
import dev.weir.runtime.functions.Count;
import dev.weir.runtime.graph.Edge;
import dev.weir.runtime.graph.KeyByNode;
import dev.weir.runtime.graph.KeyPartitioning;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.SinkNode;
import dev.weir.runtime.graph.SourceNode;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.sink.CollectSink;
import dev.weir.runtime.source.GeneratorSource;
import dev.weir.runtime.state.KafkaPartitionKeyGroups;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The graph rewrite, without Kafka: a key-by becomes shuffle-out → (topic) → shuffle-in → key-by. */
class TaskGraphTest {
    private static PipelineGraph counts() {
        return counts(KeyPartitioning.hash());
    }

    private static PipelineGraph counts(KeyPartitioning partitioning) {
        Pipeline p = Pipeline.create("counts");
        p.source("numbers", new GeneratorSource<>(Long.class, 100, 7, i -> i, (v, i) -> i),
                        WatermarkStrategy.<Long>monotonous())
                .keyBy("by-parity", v -> v % 2, partitioning)
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

    @Test
    void aKeyByBySourcePartitionsStaysInProcessAndTasksReadThePartitionsOfTheirKeyGroups() {
        PipelineGraph graph = counts(KeyPartitioning.sourcePartitions());
        java.util.List<Integer> all = new java.util.ArrayList<>();
        for (int index = 0; index < 3; index++) {
            TaskId task = new TaskId("counts", index, 3);
            PipelineGraph t = TaskGraph.forTask(graph, task, "", null, null, new TaskReaders(java.util.Map.of()),
                    new TaskShuffles(), getClass().getClassLoader(), null);

            assertThat(TaskGraph.shuffleTopics(graph, task, "")).isEmpty();
            assertThat(t.nodes()).hasSize(graph.nodes().size());
            assertThat(t.edges()).isEqualTo(graph.edges());
            KeyByNode<?, ?> keyBy = (KeyByNode<?, ?>) t.node("by-parity");
            assertThat(keyBy.partitioning()).as("the source's partition count, which the task's source no longer "
                    + "tells").isEqualTo(((KeyPartitioning.SourcePartitions) ((KeyByNode<?, ?>) graph.node("by-parity"))
                    .partitioning()).withPartitions(7));
            java.util.List<Integer> owned = TaskGraph.ownedPartitions(graph, (SourceNode<?>) graph.node("numbers"), task);
            KafkaPartitionKeyGroups keyGroups = new KafkaPartitionKeyGroups(128, 7, k -> new byte[0]);
            assertThat(owned).as("task %d", index).allSatisfy(p -> assertThat(
                    KeyGroups.rangeOf(128, 3, task.index()).contains(keyGroups.keyGroupOfPartition(p))).isTrue());
            assertThat(((SourceNode<?>) t.node("numbers")).source().partitions()).isEqualTo(owned.size());
            all.addAll(owned);
        }
        assertThat(all).as("every partition read by exactly one task").containsExactly(0, 1, 2, 3, 4, 5, 6);
    }
}
