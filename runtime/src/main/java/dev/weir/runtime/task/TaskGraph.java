package dev.weir.runtime.task;

import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.Window;
import dev.weir.api.window.WindowResult;
import dev.weir.runtime.graph.Edge;
import dev.weir.runtime.graph.KeyByNode;
import dev.weir.runtime.graph.KeyPartitioning;
import dev.weir.runtime.graph.Node;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.PipelineValidationException;
import dev.weir.runtime.graph.SinkNode;
import dev.weir.runtime.graph.SourceNode;
import dev.weir.runtime.kafka.KafkaSink;
import dev.weir.runtime.kafka.KafkaSource;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.source.SourceReader;
import dev.weir.runtime.state.KafkaPartitionKeyGroups;
import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a pipeline into the graph one task runs:
 * <ul>
 *   <li>each source keeps only the partitions the task owns ({@link #ownedPartitions}); Kafka sources read through
 *       the task's consumer;</li>
 *   <li>each key-by is cut in two: its upstream writes to a {@link ShuffleSink} node {@code <keyBy>.shuffle-out},
 *       and a {@link ShuffleSource} node {@code <keyBy>.shuffle-in} (this task's partition, watermarks from the
 *       writers' control records) feeds the key-by, whose keyed consumers are unchanged; records of the task's own key
 *       groups take a {@link LocalShuffleChannel} from the one to the other, without Kafka;</li>
 *   <li>Kafka sinks write through the task's producer (into its transaction).</li>
 * </ul>
 * Other sinks (print, collect) stay as they are and are not covered by exactly-once. A pipeline run as a single
 * task has no shuffles: it owns every key group. Neither has a key-by {@linkplain KeyPartitioning.SourcePartitions
 * by source partitions}: the task reads the source partitions of its key groups, so their keys are its own already;
 * the key-by stays a pass-through and learns the source's partition count.
 */
final class TaskGraph {
    /** Suffix of the node that writes a key-by's shuffle topic. */
    static final String SHUFFLE_OUT = ".shuffle-out";
    /** Suffix of the node that reads a key-by's shuffle topic. */
    static final String SHUFFLE_IN = ".shuffle-in";

    private TaskGraph() {
    }

    /**
     * Whether key-bys cross Kafka: not with a single task, which owns every key group, so its key-bys stay
     * in-process pass-throughs as in the local engine.
     */
    static boolean shuffles(TaskId task) {
        return task.parallelism() > 1;
    }

    /**
     * The shuffle topics a pipeline needs, one per key-by node (none for a single task), in the run's lineage (a run
     * started from a savepoint gets new topics: their partitions are made for its parallelism, and the old ones were
     * drained).
     */
    static Set<String> shuffleTopics(PipelineGraph graph, TaskId task, String lineage) {
        Set<String> topics = new LinkedHashSet<>();
        if (!shuffles(task)) {
            return topics;
        }
        for (Node n : graph.nodes()) {
            if (n instanceof KeyByNode<?, ?> k && k.shuffles()) {
                topics.add(task.shuffleTopic(n.name(), lineage));
            }
        }
        return topics;
    }

    /** The Kafka cluster (bootstrap servers) of each Kafka source and sink of the pipeline, by node name. */
    static Map<String, String> kafkaClusters(PipelineGraph graph) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Node n : graph.nodes()) {
            if (n instanceof SourceNode<?> s && s.source() instanceof KafkaSource<?> k) {
                result.put(n.name(), k.config().bootstrapServers());
            } else if (n instanceof SinkNode<?> s && s.sink() instanceof KafkaSink<?> k) {
                result.put(n.name(), k.config().bootstrapServers());
            }
        }
        return result;
    }

    /** {@code decoder}: the task's decoder thread for its Kafka sources, or null to decode on the engine thread. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static PipelineGraph forTask(PipelineGraph graph, TaskId task, String lineage, TaskConsumer consumer,
                                 TaskProducer producer, TaskReaders readers, TaskShuffles shuffles,
                                 ClassLoader classLoader, DecodeAhead decoder) {
        PipelineGraph.Builder b = PipelineGraph.builder(graph.name()).options(graph.options());
        List<Class<?>> known = shuffleTypes(graph);
        java.util.function.Supplier<ShuffleCodec> codecs = () -> new ShuffleCodec(classLoader, known);
        for (Node n : graph.nodes()) {
            if (n instanceof SourceNode<?> s) {
                b.add(new SourceNode(s.name(), ownedPartitions(s.source(), ownedPartitions(graph, s, task), consumer,
                        producer, readers, decoder), s.watermarks()));
            } else if (n instanceof KeyByNode<?, ?> k && !k.shuffles()) {
                b.add(new KeyByNode(k.name(), k.keySelector(), ((KeyPartitioning.SourcePartitions) k.partitioning())
                        .withPartitions(graph.sourceOf(k).source().partitions())));
            } else if (n instanceof SinkNode<?> s && s.sink() instanceof KafkaSink<?> k) {
                b.add(new SinkNode(s.name(), new TaskKafkaSink(k.config(), producer)));
            } else if (n instanceof KeyByNode<?, ?> k && k.shuffles() && shuffles(task)) {
                String topic = task.shuffleTopic(k.name(), lineage);
                LocalShuffleChannel local = new LocalShuffleChannel();
                ShuffleSink out = new ShuffleSink(topic, task, k.keySelector(), graph.options().numberOfKeyGroups(),
                        producer, codecs, local);
                ShuffleSource in = new ShuffleSource(topic, task.index(), task.parallelism(), consumer, readers,
                        codecs, local);
                shuffles.addWriter(k.name(), out);
                shuffles.addReader(k.name(), in);
                b.add(new SinkNode(k.name() + SHUFFLE_OUT, out));
                b.add(new SourceNode(k.name() + SHUFFLE_IN, in, WatermarkStrategy.fromSource()));
                b.add(k);
                b.connect(Edge.main(k.name() + SHUFFLE_IN, k.name(), 0));
            } else {
                b.add(n);
            }
        }
        for (Edge e : graph.edges()) {
            if (graph.node(e.to()) instanceof KeyByNode<?, ?> k && k.shuffles() && shuffles(task)) {
                b.connect(new Edge(e.from(), e.sideOutput(), e.to() + SHUFFLE_OUT, 0));
            } else {
                b.connect(e);
            }
        }
        PipelineGraph taskGraph = b.build();
        shuffles.link(taskGraph);
        return taskGraph;
    }

    /**
     * The value types a shuffle of {@code graph} most likely carries, which its codec writes as ids instead of names:
     * the sources' types and Weir's window results (concrete classes only; others are written by name).
     */
    static List<Class<?>> shuffleTypes(PipelineGraph graph) {
        List<Class<?>> types = new ArrayList<>(List.of(WindowResult.class, Window.class, PaneInfo.class));
        for (Node n : graph.nodes()) {
            if (n instanceof SourceNode<?> s) {
                types.add(s.source().type());
            }
        }
        types.removeIf(t -> t == null || t == Object.class || t.isInterface() || t.isArray() || t.isPrimitive()
                || java.lang.reflect.Modifier.isAbstract(t.getModifiers()));
        return types;
    }

    /**
     * The partitions of {@code source} that {@code task} reads. Round-robin over the tasks ({@link
     * TaskId#ownsSourcePartition}), unless a key-by by source partitions reads the source: then the task reads the
     * partitions whose key groups it owns, so each key's records reach the task that keeps its state.
     */
    static List<Integer> ownedPartitions(PipelineGraph graph, SourceNode<?> source, TaskId task) {
        KafkaPartitionKeyGroups keyGroups = null;
        for (Node n : graph.nodes()) {
            if (n instanceof KeyByNode<?, ?> k && !k.shuffles() && graph.sourceOf(k).name().equals(source.name())) {
                keyGroups = sourcePartitionKeyGroups(graph, k, source);
            }
        }
        KeyGroupRange mine = KeyGroups.rangeOf(graph.options().numberOfKeyGroups(), task.parallelism(), task.index());
        List<Integer> owned = new ArrayList<>();
        for (int p = 0; p < source.source().partitions(); p++) {
            if (keyGroups == null ? task.ownsSourcePartition(p) : mine.contains(keyGroups.keyGroupOfPartition(p))) {
                owned.add(p);
            }
        }
        return owned;
    }

    private static KafkaPartitionKeyGroups sourcePartitionKeyGroups(PipelineGraph graph, KeyByNode<?, ?> keyBy,
                                                                    SourceNode<?> source) {
        try {
            return ((KeyPartitioning.SourcePartitions) keyBy.partitioning())
                    .assigner(graph.options().numberOfKeyGroups(), () -> source.source().partitions());
        } catch (IllegalArgumentException e) {
            throw new PipelineValidationException("node '" + keyBy.name() + "' partitions by the partitions of source '"
                    + source.name() + "': " + e.getMessage() + "; raise the pipeline's numberOfKeyGroups");
        }
    }

    private static <T> Source<T> ownedPartitions(Source<T> source, List<Integer> owned, TaskConsumer consumer,
                                                 TaskProducer producer, TaskReaders readers, DecodeAhead decoder) {
        if (source instanceof KafkaSource<T> k) {
            return new TaskKafkaSource<>(k.config(), owned, consumer, producer, readers, decoder);
        }
        return new Source<>() {
            @Override
            public int partitions() {
                return owned.size();
            }

            @Override
            public SourceReader<T> createReader(int partition) {
                return source.createReader(owned.get(partition));
            }

            @Override
            public int partitionId(int partition) {
                return source.partitionId(owned.get(partition));
            }

            @Override
            public Class<T> type() {
                return source.type();
            }
        };
    }
}
