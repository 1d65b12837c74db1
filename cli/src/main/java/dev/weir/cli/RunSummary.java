package dev.weir.cli;

import dev.weir.runtime.engine.JobResult;
import dev.weir.runtime.graph.IntervalJoinNode;
import dev.weir.runtime.graph.KeyByNode;
import dev.weir.runtime.graph.KeyedProcessNode;
import dev.weir.runtime.graph.Node;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.SinkNode;
import dev.weir.runtime.graph.SourceNode;
import dev.weir.runtime.graph.StatelessNode;
import dev.weir.runtime.graph.UnionNode;
import dev.weir.runtime.operator.OperatorMetrics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary after a run: elapsed time, then one line per node with its counters, in topological order.
 *
 * <pre>
 * pipeline 'clicks-per-user' finished in 0.21 s
 *   clicks          source   out 2000
 *   clicks-per-10s  window   in 2000, out 46, late 3
 * </pre>
 */
final class RunSummary {
    private RunSummary() {
    }

    static void print(PipelineGraph graph, JobResult result, PrintWriter err) {
        err.printf(Locale.ROOT, "pipeline '%s' finished in %.2f s%n", graph.name(), result.elapsed().toNanos() / 1e9);
        int width = graph.nodes().stream().mapToInt(n -> n.name().length()).max().orElse(0);
        for (String name : graph.topologicalOrder()) {
            OperatorMetrics m = result.operators().get(name);
            if (m != null) {
                err.printf(Locale.ROOT, "  %-" + width + "s  %-13s  %s%n", name, kind(graph.node(name)), counters(m));
            }
        }
        err.flush();
    }

    private static String counters(OperatorMetrics m) {
        List<String> parts = new ArrayList<>();
        if (m.recordsIn() > 0) {
            parts.add("in " + m.recordsIn());
        }
        if (m.recordsOut() > 0) {
            parts.add("out " + m.recordsOut());
        }
        if (m.lateDropped() > 0) {
            parts.add("late " + m.lateDropped());
        }
        if (m.failed() > 0) {
            parts.add("failed " + m.failed());
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static String kind(Node n) {
        if (n instanceof SourceNode<?>) {
            return "source";
        }
        if (n instanceof StatelessNode<?, ?>) {
            return "function";
        }
        if (n instanceof KeyByNode<?, ?>) {
            return "keyBy";
        }
        if (n instanceof KeyedProcessNode<?, ?, ?>) {
            return "keyedFunction";
        }
        if (n instanceof IntervalJoinNode<?, ?, ?>) {
            return "intervalJoin";
        }
        if (n instanceof UnionNode) {
            return "union";
        }
        return n instanceof SinkNode<?> ? "sink" : "window";
    }
}
