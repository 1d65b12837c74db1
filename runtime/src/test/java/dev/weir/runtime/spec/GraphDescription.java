package dev.weir.runtime.spec;

import dev.weir.runtime.functions.FieldKeySelector;
import dev.weir.runtime.graph.Edge;
import dev.weir.runtime.graph.IntervalJoinNode;
import dev.weir.runtime.graph.KeyByNode;
import dev.weir.runtime.graph.KeyedProcessNode;
import dev.weir.runtime.graph.Node;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.SinkNode;
import dev.weir.runtime.graph.SourceNode;
import dev.weir.runtime.graph.StatelessNode;
import dev.weir.runtime.graph.UnionNode;
import dev.weir.runtime.graph.WindowFunctionRef;
import dev.weir.runtime.graph.WindowNode;
import dev.weir.runtime.kafka.KafkaSink;
import dev.weir.runtime.kafka.KafkaSinkConfig;
import dev.weir.runtime.kafka.KafkaSource;
import dev.weir.runtime.kafka.KafkaSourceConfig;
import dev.weir.runtime.sink.Sink;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * A canonical text of a graph's topology and settings: nodes by name with their kind, function classes, configs,
 * window specs, triggers and watermark settings; edges sorted. Two graphs built differently describe the same
 * when they would run the same.
 */
final class GraphDescription {
    private GraphDescription() {
    }

    static String of(PipelineGraph g) {
        String nodes = g.nodes().stream().sorted(Comparator.comparing(Node::name)).map(GraphDescription::node)
                .collect(Collectors.joining("\n"));
        String edges = g.edges().stream().map(Edge::toString).sorted().collect(Collectors.joining("\n"));
        return "pipeline " + g.name() + " " + g.options() + "\n" + nodes + "\n" + edges;
    }

    private static String node(Node n) {
        String head = n.name() + ": ";
        if (n instanceof SourceNode<?> s) {
            WatermarkStrategy<?> w = s.watermarks();
            return head + "source " + s.source().getClass().getSimpleName() + "<" + s.source().type().getSimpleName() + ">"
                    + " " + partitions(s.source()) + " bound=" + w.maxOutOfOrderness() + " idle=" + w.idleTimeout()
                    + " emission=" + w.emission() + " timestamps=" + (w.timestampAssigner() instanceof FieldTimestamps f
                    ? "field " + f.accessor().path() : "from source");
        }
        if (n instanceof StatelessNode<?, ?> f) {
            return head + "function " + f.function().getClass().getName() + " config=" + f.config();
        }
        if (n instanceof KeyByNode<?, ?> k) {
            return head + "keyBy " + (k.keySelector() instanceof FieldKeySelector f ? "field " + f.field()
                    : k.keySelector().getClass().getName());
        }
        if (n instanceof KeyedProcessNode<?, ?, ?> k) {
            return head + "keyedFunction " + k.function().getClass().getName() + " config=" + k.config();
        }
        if (n instanceof WindowNode w) {
            Object fn = w.function() instanceof WindowFunctionRef.Aggregate<?, ?, ?> a ? a.function()
                    : ((WindowFunctionRef.Process<?, ?, ?>) w.function()).function();
            return head + "window " + w.spec() + " trigger=" + w.trigger() + " lateness=" + w.allowedLateness()
                    + " late=" + w.lateDataTag().map(t -> t.id()) + " " + w.function().getClass().getSimpleName()
                    + " " + fn.getClass().getName() + " config=" + w.config();
        }
        if (n instanceof IntervalJoinNode<?, ?, ?> j) {
            return head + "intervalJoin [" + j.lowerBound() + ", " + j.upperBound() + "] " + j.function().getClass().getName()
                    + " config=" + j.config();
        }
        if (n instanceof UnionNode) {
            return head + "union";
        }
        return head + "sink " + sink(((SinkNode<?>) n).sink());
    }

    /** The partition count; for Kafka (which it would take a broker to count) the settings instead. */
    private static String partitions(Source<?> source) {
        if (source instanceof KafkaSource<?> k) {
            KafkaSourceConfig<?> c = k.config();
            return "kafka " + c.bootstrapServers() + " " + c.topic() + " start=" + c.startPosition() + " bounded="
                    + c.stopAtEndOffsets() + " onError=" + c.errorPolicy() + " " + c.deadLetterTopic() + " poll="
                    + c.pollTimeout() + " " + c.clientProperties();
        }
        return "partitions=" + source.partitions();
    }

    private static String sink(Sink<?> sink) {
        if (sink instanceof KafkaSink<?> k) {
            KafkaSinkConfig<?> c = k.config();
            return "KafkaSink " + c.bootstrapServers() + " " + c.topic() + " key=" + c.key() + " values="
                    + c.valueSerde() + " " + c.clientProperties();
        }
        return String.valueOf(sink);
    }
}
