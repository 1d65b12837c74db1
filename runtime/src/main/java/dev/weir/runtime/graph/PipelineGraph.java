package dev.weir.runtime.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, validated pipeline DAG. Construct with {@link #builder(String)}; {@link Builder#build()} rejects
 * unknown nodes, wrong input counts, keyed nodes without a keyBy input, and cycles, naming the node at fault.
 */
public final class PipelineGraph {
    private final String name;
    private final Map<String, Node> nodes;
    private final List<Edge> edges;
    private final PipelineOptions options;

    private PipelineGraph(String name, Map<String, Node> nodes, List<Edge> edges, PipelineOptions options) {
        this.name = name;
        this.nodes = nodes;
        this.edges = edges;
        this.options = options;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public Collection<Node> nodes() {
        return nodes.values();
    }

    public Node node(String nodeName) {
        return nodes.get(nodeName);
    }

    public List<Edge> edges() {
        return edges;
    }

    public PipelineOptions options() {
        return options;
    }

    /** Edges into {@code nodeName}, ordered by input index. */
    public List<Edge> inputsOf(String nodeName) {
        return edges.stream().filter(e -> e.to().equals(nodeName))
                .sorted(java.util.Comparator.comparingInt(Edge::toInput)).toList();
    }

    /** Edges out of {@code nodeName}. */
    public List<Edge> outputsOf(String nodeName) {
        return edges.stream().filter(e -> e.from().equals(nodeName)).toList();
    }

    /**
     * The source a key-by with {@link KeyPartitioning.SourcePartitions source partitioning} reads: the one source its
     * input comes from through stateless nodes only.
     *
     * @throws PipelineValidationException if the input comes through anything else (a union, a keyed node, a
     *                                     second source), naming it
     */
    public SourceNode<?> sourceOf(KeyByNode<?, ?> keyBy) {
        String at = keyBy.name();
        while (true) {
            List<Edge> in = inputsOf(at);
            Node from = nodes.get(in.get(0).from());
            if (from instanceof SourceNode<?> s) {
                return s;
            }
            if (!(from instanceof StatelessNode<?, ?>) || inputsOf(from.name()).size() != 1) {
                throw new PipelineValidationException("node '" + keyBy.name() + "': partitioning by source partitions "
                        + "needs an input that comes from one source through stateless functions only, but it comes "
                        + "through '" + from.name() + "' (" + from.getClass().getSimpleName()
                        + "); use hash partitioning there");
            }
            at = from.name();
        }
    }

    /** Node names in an order where every node comes after its inputs. */
    public List<String> topologicalOrder() {
        Map<String, Integer> indegree = new HashMap<>();
        nodes.keySet().forEach(n -> indegree.put(n, 0));
        edges.forEach(e -> indegree.merge(e.to(), 1, Integer::sum));
        List<String> ready = new ArrayList<>(nodes.keySet().stream().filter(n -> indegree.get(n) == 0).toList());
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String n = ready.remove(0);
            order.add(n);
            for (Edge e : outputsOf(n)) {
                if (indegree.merge(e.to(), -1, Integer::sum) == 0) {
                    ready.add(e.to());
                }
            }
        }
        return order;
    }

    /** Builds a {@link PipelineGraph}. */
    public static final class Builder {
        private final String name;
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final List<Edge> edges = new ArrayList<>();
        private PipelineOptions options = PipelineOptions.defaults();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        public Builder add(Node node) {
            if (node.name() == null || node.name().isBlank()) {
                throw new PipelineValidationException("node name must not be blank");
            }
            if (nodes.putIfAbsent(node.name(), node) != null) {
                throw new PipelineValidationException("node '" + node.name() + "': the name is used twice");
            }
            return this;
        }

        public Builder connect(Edge edge) {
            edges.add(edge);
            return this;
        }

        public Builder options(PipelineOptions newOptions) {
            this.options = Objects.requireNonNull(newOptions);
            return this;
        }

        public boolean has(String nodeName) {
            return nodes.containsKey(nodeName);
        }

        /** Validates and freezes the graph. */
        public PipelineGraph build() {
            for (Edge e : edges) {
                if (!nodes.containsKey(e.from())) {
                    throw new PipelineValidationException("edge to '" + e.to() + "': unknown source node '" + e.from() + "'");
                }
                if (!nodes.containsKey(e.to())) {
                    throw new PipelineValidationException("edge from '" + e.from() + "': unknown target node '" + e.to() + "'");
                }
            }
            PipelineGraph g = new PipelineGraph(name, Map.copyOf(nodes), List.copyOf(edges), options);
            for (Node n : nodes.values()) {
                List<Edge> in = g.inputsOf(n.name());
                int arity = n.inputArity();
                if (arity >= 0 && in.size() != arity) {
                    throw new PipelineValidationException("node '" + n.name() + "': takes " + arity + " input(s), has " + in.size());
                }
                if (arity < 0 && in.isEmpty()) {
                    throw new PipelineValidationException("node '" + n.name() + "': needs at least one input");
                }
                for (int i = 0; i < in.size(); i++) {
                    if (arity >= 0 && in.get(i).toInput() != i) {
                        throw new PipelineValidationException("node '" + n.name() + "': input " + i + " is missing");
                    }
                    if (n.needsKeyedInput() && !(nodes.get(in.get(i).from()) instanceof KeyByNode<?, ?>)) {
                        throw new PipelineValidationException("node '" + n.name() + "': input " + i
                                + " must be keyed (come from a keyBy node), comes from '" + in.get(i).from() + "'");
                    }
                }
            }
            if (g.topologicalOrder().size() != nodes.size()) {
                throw new PipelineValidationException("pipeline '" + name + "': the graph has a cycle");
            }
            checkKeyPartitionings(g);
            return new PipelineGraph(name, new LinkedHashMap<>(nodes), List.copyOf(edges), options);
        }

        /**
         * Key-bys by source partition read one source through stateless nodes; a keyed node with two keyed inputs
         * (a join) needs both partitioned the same way, as its state has one assigner.
         */
        private static void checkKeyPartitionings(PipelineGraph g) {
            for (Node n : g.nodes()) {
                if (n instanceof KeyByNode<?, ?> k && !k.shuffles()) {
                    g.sourceOf(k);
                }
                if (n.needsKeyedInput() && g.inputsOf(n.name()).size() > 1) {
                    java.util.Set<Boolean> shuffled = new java.util.HashSet<>();
                    for (Edge e : g.inputsOf(n.name())) {
                        shuffled.add(((KeyByNode<?, ?>) g.node(e.from())).shuffles());
                    }
                    if (shuffled.size() > 1) {
                        throw new PipelineValidationException("node '" + n.name() + "': its keyed inputs are "
                                + "partitioned differently (one by source partitions, one by hash); a join needs both "
                                + "the same way");
                    }
                }
            }
        }
    }
}
