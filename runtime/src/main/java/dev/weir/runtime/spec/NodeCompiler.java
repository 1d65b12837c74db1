package dev.weir.runtime.spec;

import dev.weir.api.function.JoinFunction;
import dev.weir.api.function.KeySelector;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.OutputTag;
import dev.weir.api.function.StatelessFunction;
import dev.weir.api.metadata.FunctionKind;
import dev.weir.api.window.AggregateFunction;
import dev.weir.api.window.ProcessWindowFunction;
import dev.weir.api.window.Trigger;
import dev.weir.api.window.WindowSpec;
import dev.weir.runtime.functions.FieldKeySelector;
import dev.weir.runtime.graph.IntervalJoinNode;
import dev.weir.runtime.graph.KeyByNode;
import dev.weir.runtime.graph.KeyPartitioning;
import dev.weir.runtime.graph.KeyedProcessNode;
import dev.weir.runtime.graph.Node;
import dev.weir.runtime.graph.SinkNode;
import dev.weir.runtime.graph.SourceNode;
import dev.weir.runtime.graph.StatelessNode;
import dev.weir.runtime.graph.UnionNode;
import dev.weir.runtime.graph.WindowFunctionRef;
import dev.weir.runtime.graph.WindowNode;
import dev.weir.runtime.sink.Sink;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.util.Optional;
import java.util.List;

/** Compiles one node spec into a graph {@link Node}, reporting every problem; null if the node is invalid. */
@SuppressWarnings({"rawtypes", "unchecked"})
final class NodeCompiler {
    private final Problems problems;
    private final FunctionBinder functions;
    private final ConnectorCompiler connectors;
    private final WindowCompiler windows;
    private final WatermarkCompiler watermarks;

    NodeCompiler(SpecContext context, Problems problems) {
        this.problems = problems;
        this.functions = new FunctionBinder(context.functions(), problems);
        this.connectors = new ConnectorCompiler(context, problems);
        this.windows = new WindowCompiler(problems);
        this.watermarks = new WatermarkCompiler(problems);
    }

    Node compile(NodeSpec spec, SpecPath path) {
        if (spec instanceof NodeSpec.Source s) {
            return source(s, path);
        }
        if (spec instanceof NodeSpec.Function f) {
            FunctionBinder.BoundFunction fn = bind(f.function(), path, f, FunctionKind.STATELESS);
            return fn == null ? null : new StatelessNode(f.name(), (StatelessFunction) fn.instance(), fn.config());
        }
        if (spec instanceof NodeSpec.KeyBy k) {
            return keyBy(k, path);
        }
        if (spec instanceof NodeSpec.KeyedFunction k) {
            FunctionBinder.BoundFunction fn = bind(k.function(), path, k, FunctionKind.KEYED);
            return fn == null ? null : new KeyedProcessNode(k.name(), (KeyedFunction) fn.instance(), fn.config());
        }
        if (spec instanceof NodeSpec.Window w) {
            return window(w, path);
        }
        if (spec instanceof NodeSpec.IntervalJoin j) {
            return join(j, path);
        }
        if (spec instanceof NodeSpec.Union u) {
            return new UnionNode(u.name());
        }
        NodeSpec.Sink s = (NodeSpec.Sink) spec;
        Sink<?> sink = connectors.sink(s.connector(), path.property("connector"));
        return sink == null ? null : new SinkNode(s.name(), sink);
    }

    private Node source(NodeSpec.Source s, SpecPath path) {
        Source<?> source = connectors.source(s.connector(), path.property("connector"));
        Class<?> type = source == null ? Object.class : source.type();
        WatermarkStrategy<Object> strategy = watermarks.compile(s.watermarks(), path.property("watermarks"), type,
                ConnectorCompiler.timestampFieldNeed(s.connector()));
        return source == null || strategy == null ? null : new SourceNode(s.name(), source, (WatermarkStrategy) strategy);
    }

    private Node keyBy(NodeSpec.KeyBy k, SpecPath path) {
        if ((k.field() == null) == (k.function() == null)) {
            problems.add(path, k.field() == null ? "needs 'field' (the field to key by) or 'function' (a key selector)"
                    : "give either 'field' or 'function', not both");
            return null;
        }
        if (k.field() != null) {
            try {
                return new KeyByNode(k.name(), FieldKeySelector.of(k.field()), partitioning(k));
            } catch (IllegalArgumentException e) {
                problems.add(path.property("field"), e.getMessage());
                return null;
            }
        }
        FunctionBinder.BoundFunction fn = bind(k.function(), path, k, FunctionKind.KEY_SELECTOR);
        return fn == null ? null : new KeyByNode(k.name(), (KeySelector) fn.instance(), partitioning(k));
    }

    private static KeyPartitioning partitioning(NodeSpec.KeyBy k) {
        return k.partitioning() == NodeSpec.KeyBy.Partitioning.SOURCE ? KeyPartitioning.sourcePartitions()
                : KeyPartitioning.hash();
    }

    private Node window(NodeSpec.Window w, SpecPath path) {
        WindowSpec spec = windows.windows(w.window(), path.property("window"));
        Trigger trigger = spec == null ? null : windows.trigger(w.trigger(), spec, path.property("trigger"));
        boolean eventTime = spec == null || spec.timeDomain() == dev.weir.api.time.TimeDomain.EVENT_TIME;
        Duration lateness = w.allowedLateness() == null ? Duration.ZERO : w.allowedLateness();
        boolean ok = Durations.notNegative(lateness, path.property("allowedLateness"), problems);
        if (!eventTime && !lateness.isZero()) {
            problems.add(path.property("allowedLateness"), "only applies to event-time windows");
            ok = false;
        }
        Optional<OutputTag<?>> lateTag = Optional.empty();
        if (w.lateDataOutput() != null) {
            if (w.lateDataOutput().isBlank()) {
                problems.add(path.property("lateDataOutput"), "must not be blank");
                ok = false;
            } else if (!eventTime) {
                problems.add(path.property("lateDataOutput"), "only applies to event-time windows");
                ok = false;
            } else {
                lateTag = Optional.of(OutputTag.of(w.lateDataOutput(), Object.class));
            }
        }
        FunctionBinder.BoundFunction fn = bind(w.function(), path, w, FunctionKind.WINDOW_AGGREGATE, FunctionKind.WINDOW_PROCESS);
        if (spec == null || trigger == null || fn == null || !ok) {
            return null;
        }
        WindowFunctionRef ref = fn.instance() instanceof AggregateFunction a
                ? new WindowFunctionRef.Aggregate(a) : new WindowFunctionRef.Process((ProcessWindowFunction) fn.instance());
        return new WindowNode(w.name(), spec, trigger, lateness, lateTag, ref, fn.config());
    }

    private Node join(NodeSpec.IntervalJoin j, SpecPath path) {
        boolean ok = true;
        if (j.lowerBound().compareTo(j.upperBound()) > 0) {
            problems.add(path.property("upperBound"), "'" + j.upperBound() + "' is below lowerBound '" + j.lowerBound() + "'");
            ok = false;
        }
        FunctionBinder.BoundFunction fn = bind(j.function(), path, j, FunctionKind.JOIN);
        return fn == null || !ok ? null
                : new IntervalJoinNode(j.name(), j.lowerBound(), j.upperBound(), (JoinFunction) fn.instance(), fn.config());
    }

    private FunctionBinder.BoundFunction bind(FunctionRef ref, SpecPath nodePath, NodeSpec node, FunctionKind... kinds) {
        return functions.bind(ref, nodePath.property("function"), node.kind(), List.of(kinds));
    }
}
