package dev.weir.runtime.engine;

import dev.weir.api.function.KeySelector;
import dev.weir.runtime.graph.Edge;
import dev.weir.runtime.graph.IntervalJoinNode;
import dev.weir.runtime.graph.KeyByNode;
import dev.weir.runtime.graph.KeyedProcessNode;
import dev.weir.runtime.graph.Node;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.PipelineValidationException;
import dev.weir.runtime.graph.SinkNode;
import dev.weir.runtime.graph.SourceNode;
import dev.weir.runtime.graph.StatelessNode;
import dev.weir.runtime.graph.UnionNode;
import dev.weir.runtime.graph.WindowNode;
import dev.weir.runtime.join.IntervalJoinOperator;
import dev.weir.runtime.operator.Fanout;
import dev.weir.runtime.operator.Input;
import dev.weir.runtime.operator.KeyedProcessOperator;
import dev.weir.runtime.operator.Operator;
import dev.weir.runtime.operator.OperatorContext;
import dev.weir.runtime.operator.OperatorMetrics;
import dev.weir.runtime.operator.Output;
import dev.weir.runtime.operator.SinkOperator;
import dev.weir.runtime.operator.StatelessOperator;
import dev.weir.runtime.operator.UnionOperator;
import dev.weir.runtime.state.KafkaPartitionKeyGroups;
import dev.weir.runtime.state.KeyGroupAssigner;
import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyedStateBackend;
import dev.weir.runtime.state.StateBackendFactory;
import dev.weir.runtime.time.ProcessingTimeService;
import dev.weir.runtime.window.WindowOperators;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators of one pipeline instance, wired: built from the graph in reverse topological order, so each
 * operator's downstream inputs exist when it is created. Key-by nodes are pass-throughs here (one instance holds
 * every key group); downstream keyed operators take the key selector from them.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class PhysicalPlan {
    final List<Operator> operators = new ArrayList<>();
    final List<SourceRunner<?>> sources = new ArrayList<>();
    final Map<String, OperatorMetrics> metrics = new LinkedHashMap<>();
    private final PipelineGraph graph;
    private final ProcessingTimeService processingTime;
    /** (node name, input index) -> the input receiving that edge. */
    private final Map<String, Input[]> inputs = new HashMap<>();

    private final StateBackendFactory stateBackends;
    /** The key groups the run owns; empty for all. */
    private final java.util.Optional<KeyGroupRange> keyGroups;

    PhysicalPlan(PipelineGraph graph, ProcessingTimeService processingTime, StateBackendFactory stateBackends,
                 java.util.Optional<KeyGroupRange> keyGroups) {
        this.keyGroups = keyGroups;
        this.graph = graph;
        this.processingTime = processingTime;
        this.stateBackends = stateBackends;
        List<String> order = new ArrayList<>(graph.topologicalOrder());
        java.util.Collections.reverse(order);
        for (String name : order) {
            build(graph.node(name));
        }
        java.util.Collections.reverse(operators);
        java.util.Collections.reverse(sources);
    }

    private OperatorContext context(String name) {
        OperatorMetrics m = new OperatorMetrics(name);
        metrics.put(name, m);
        return new OperatorContext(name, m, processingTime, graph.options().errorPolicy(),
                graph.options().numberOfKeyGroups());
    }

    /** The output of {@code node}: its main and side-output edges, wired to the (already built) consumers. */
    private Output output(String node) {
        List<Edge> out = graph.outputsOf(node);
        if (out.size() == 1 && out.get(0).sideOutput().isEmpty()) {
            return new SingleOutput(inputOf(out.get(0)));
        }
        Fanout f = new Fanout();
        for (Edge e : out) {
            if (e.sideOutput().isPresent()) {
                f.addSide(e.sideOutput().get(), inputOf(e));
            } else {
                f.add(inputOf(e));
            }
        }
        return f;
    }

    private Input inputOf(Edge e) {
        return inputs.get(e.to())[e.toInput()];
    }

    private KeySelector keySelectorOf(String node, int input) {
        Edge in = graph.inputsOf(node).get(input);
        return ((KeyByNode) graph.node(in.from())).keySelector();
    }

    /** The backend of keyed operator {@code node}, for the run's key groups, with its key-by's assigner. */
    private KeyedStateBackend backend(String node) {
        int keyGroups = graph.options().numberOfKeyGroups();
        return stateBackends.create(node, assigner(node), this.keyGroups.orElse(KeyGroupRange.all(keyGroups)));
    }

    /** How keyed node {@code node}'s key-by(s) put keys into key groups; all its inputs must agree. */
    private KeyGroupAssigner assigner(String node) {
        KeyGroupAssigner result = null;
        for (Edge in : graph.inputsOf(node)) {
            KeyByNode<?, ?> k = (KeyByNode<?, ?>) graph.node(in.from());
            KeyGroupAssigner a = k.partitioning().assigner(graph.options().numberOfKeyGroups(),
                    () -> graph.sourceOf(k).source().partitions());
            if (result != null && !sameKeyGroups(result, a)) {
                throw new PipelineValidationException("node '" + node + "': its keyed inputs put keys into key groups "
                        + "differently (" + result + ", " + a + "); join streams whose sources have the same number "
                        + "of partitions");
            }
            result = a;
        }
        return result;
    }

    private static boolean sameKeyGroups(KeyGroupAssigner a, KeyGroupAssigner b) {
        if (a instanceof KafkaPartitionKeyGroups x && b instanceof KafkaPartitionKeyGroups y) {
            return x.partitions() == y.partitions();
        }
        return a.getClass() == b.getClass();
    }

    private void build(Node node) {
        String name = node.name();
        if (node instanceof SourceNode s) {
            OperatorMetrics m = new OperatorMetrics(name);
            metrics.put(name, m);
            sources.add(new SourceRunner(s, output(name), m, processingTime.now()));
        } else if (node instanceof StatelessNode s) {
            register(name, new StatelessOperator(context(name), s.function(), s.config(), output(name)));
        } else if (node instanceof KeyByNode) {
            Output out = output(name);
            inputs.put(name, new Input[] {out});
        } else if (node instanceof KeyedProcessNode k) {
            register(name, new KeyedProcessOperator(context(name), k.function(), k.config(), keySelectorOf(name, 0),
                    backend(name), output(name)));
        } else if (node instanceof WindowNode w) {
            register(name, window(w));
        } else if (node instanceof IntervalJoinNode j) {
            IntervalJoinOperator op = new IntervalJoinOperator(context(name), j.function(), j.config(),
                    keySelectorOf(name, 0), keySelectorOf(name, 1), backend(name), output(name),
                    j.lowerBound().toMillis(), j.upperBound().toMillis());
            operators.add(op);
            inputs.put(name, new Input[] {op.left(), op.right()});
        } else if (node instanceof UnionNode u) {
            int n = graph.inputsOf(name).size();
            UnionOperator op = new UnionOperator(name, n, output(name));
            metrics.put(name, new OperatorMetrics(name));
            operators.add(op);
            Input[] in = new Input[n];
            for (int i = 0; i < n; i++) {
                in[i] = op.input(i);
            }
            inputs.put(name, in);
        } else if (node instanceof SinkNode s) {
            register(name, new SinkOperator(context(name), s.sink()));
        } else {
            throw new IllegalStateException("unknown node type " + node);
        }
    }

    private void register(String name, Operator op) {
        operators.add(op);
        inputs.put(name, new Input[] {(Input) op});
    }

    private Operator window(WindowNode w) {
        return WindowOperators.create(w, context(w.name()), keySelectorOf(w.name(), 0), backend(w.name()), output(w.name()));
    }
}
