package dev.weir.runtime.spec;

import dev.weir.runtime.graph.Edge;
import dev.weir.runtime.graph.ErrorPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks the edges of a spec against its nodes: known endpoints, no input into a source or output from a sink,
 * side outputs the producing node has, keyed nodes fed by a keyBy, input numbers, unconnected inputs and cycles.
 * Resolves each edge's input number (a union's omitted inputs are numbered in edge order). Edges touching a node
 * that could not be read are only checked for known endpoints, so one mistake is reported once.
 */
final class TopologyCheck {
    /** A node slot: {@code spec} null if the node could not be read. */
    record NodeInfo(SpecPath path, String name, NodeSpec spec) {
    }

    private final Problems problems;
    private final ErrorPolicy errorPolicy;
    private final Map<String, NodeInfo> nodes = new LinkedHashMap<>();

    TopologyCheck(List<NodeInfo> nodeList, ErrorPolicy errorPolicy, Problems problems) {
        this.problems = problems;
        this.errorPolicy = errorPolicy;
        for (NodeInfo n : nodeList) {
            if (n.name() != null) {
                nodes.putIfAbsent(n.name(), n);
            }
        }
    }

    /** The graph edges, in spec order, with resolved input numbers; null entries for edges in error. */
    List<Edge> check(List<SpecReader.Slot<EdgeSpec>> edges) {
        Map<String, Map<Integer, SpecPath>> taken = new HashMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        List<Edge> out = new ArrayList<>();
        List<Integer> autoNumbered = new ArrayList<>();
        for (SpecReader.Slot<EdgeSpec> slot : edges) {
            out.add(null);
            if (slot.broken()) {
                if (slot.rawText("to") != null) {
                    attempts.merge(slot.rawText("to"), 1, Integer::sum);
                }
                continue;
            }
            EdgeSpec e = slot.value();
            SpecPath p = slot.path();
            attempts.merge(e.to(), 1, Integer::sum);
            Integer input = checkEdge(e, p);
            if (input == null) {
                continue;
            }
            if (input < 0) {
                autoNumbered.add(slot.index());
            } else if (claim(taken, e.to(), input, p, p.property("input"))) {
                out.set(slot.index(), edge(e, input));
            }
        }
        for (int i : autoNumbered) {
            SpecReader.Slot<EdgeSpec> slot = edges.get(i);
            Map<Integer, SpecPath> used = taken.computeIfAbsent(slot.value().to(), k -> new TreeMap<>());
            int input = 0;
            while (used.containsKey(input)) {
                input++;
            }
            used.put(input, slot.path());
            out.set(i, edge(slot.value(), input));
        }
        checkInputsConnected(taken, attempts);
        if (problems.isEmpty()) {
            checkAcyclic(out);
        }
        return out;
    }

    /** The edge's input number, -1 to number it later (union), or null if the edge is in error. */
    private Integer checkEdge(EdgeSpec e, SpecPath p) {
        NodeInfo from = nodes.get(e.from());
        NodeInfo to = nodes.get(e.to());
        if (from == null) {
            problems.add(p.property("from"), "unknown node '" + e.from() + "'");
        }
        if (to == null) {
            problems.add(p.property("to"), "unknown node '" + e.to() + "'");
        }
        if (from == null || to == null || from.spec() == null || to.spec() == null) {
            return null;
        }
        if (to.spec() instanceof NodeSpec.Source) {
            problems.add(p.property("to"), "node '" + e.to() + "' is a source and takes no input");
            return null;
        }
        if (from.spec() instanceof NodeSpec.Sink) {
            problems.add(p.property("from"), "node '" + e.from() + "' is a sink and has no output");
            return null;
        }
        boolean ok = e.sideOutput() == null || checkSideOutput(from.spec(), e.sideOutput(), p.property("sideOutput"));
        if (needsKeyedInput(to.spec()) && !(from.spec() instanceof NodeSpec.KeyBy)) {
            problems.add(p.property("from"), "node '" + e.to() + "' (" + to.spec().kind() + ") needs a keyed input, but '"
                    + e.from() + "' is a " + from.spec().kind() + " node; put a keyBy node between them");
            ok = false;
        }
        Integer input = checkInput(e, to.spec(), p.property("input"));
        return ok ? input : null;
    }

    private boolean checkSideOutput(NodeSpec from, String id, SpecPath p) {
        if (id.isBlank()) {
            problems.add(p, "must not be blank");
            return false;
        }
        if (id.equals(ErrorPolicy.DEAD_LETTER_OUTPUT)) {
            if (errorPolicy != ErrorPolicy.DEAD_LETTER) {
                problems.add(p, "'" + id + "' carries failed inputs only when options.errorPolicy is 'dead-letter'");
                return false;
            }
            if (from instanceof NodeSpec.Union) {
                problems.add(p, "a union node runs no function, so it has no '" + id + "' output");
                return false;
            }
            return true;
        }
        if (from instanceof NodeSpec.Window w) {
            if (!id.equals(w.lateDataOutput())) {
                problems.add(p, "window '" + w.name() + "' has no side output '" + id + "'; "
                        + (w.lateDataOutput() == null ? "set its lateDataOutput to route late data to it"
                        : "its late data goes to '" + w.lateDataOutput() + "'"));
                return false;
            }
            return true;
        }
        if (from instanceof NodeSpec.Source || from instanceof NodeSpec.KeyBy || from instanceof NodeSpec.Union) {
            problems.add(p, "a " + from.kind() + " node has no side output '" + id + "'");
            return false;
        }
        return true;
    }

    private Integer checkInput(EdgeSpec e, NodeSpec to, SpecPath p) {
        Integer input = e.input();
        if (to instanceof NodeSpec.Union) {
            if (input != null && input < 0) {
                problems.add(p, "must not be negative, was " + input);
                return null;
            }
            return input == null ? -1 : input;
        }
        if (to instanceof NodeSpec.IntervalJoin) {
            if (input == null || (input != 0 && input != 1)) {
                problems.add(p, input == null ? "required for an edge into an intervalJoin: 0 (left) or 1 (right)"
                        : "intervalJoin '" + e.to() + "' has inputs 0 (left) and 1 (right), got " + input);
                return null;
            }
            return input;
        }
        if (input != null && input != 0) {
            problems.add(p, "node '" + e.to() + "' has a single input, 0; got " + input);
            return null;
        }
        return 0;
    }

    private boolean claim(Map<String, Map<Integer, SpecPath>> taken, String to, int input, SpecPath edge, SpecPath at) {
        SpecPath previous = taken.computeIfAbsent(to, k -> new TreeMap<>()).putIfAbsent(input, edge);
        if (previous != null) {
            problems.add(at, "input " + input + " of node '" + to + "' is already connected by " + previous);
            return false;
        }
        return true;
    }

    private void checkInputsConnected(Map<String, Map<Integer, SpecPath>> taken, Map<String, Integer> attempts) {
        for (NodeInfo n : nodes.values()) {
            if (n.spec() == null || n.spec() instanceof NodeSpec.Source) {
                continue;
            }
            int tried = attempts.getOrDefault(n.name(), 0);
            Map<Integer, SpecPath> connected = taken.getOrDefault(n.name(), Map.of());
            if (tried == 0) {
                problems.add(n.path(), n.spec() instanceof NodeSpec.IntervalJoin
                        ? "inputs 0 (left) and 1 (right) are not connected" : "has no input; add an edge to it");
            } else if (n.spec() instanceof NodeSpec.IntervalJoin && tried == 1 && connected.size() == 1) {
                int missing = connected.containsKey(0) ? 1 : 0;
                problems.add(n.path(), "input " + missing + (missing == 0 ? " (left)" : " (right)") + " is not connected");
            } else if (n.spec() instanceof NodeSpec.Union && connected.size() == tried) {
                checkContiguous(n, connected);
            }
        }
    }

    private void checkContiguous(NodeInfo union, Map<Integer, SpecPath> inputs) {
        int expected = 0;
        for (int i : inputs.keySet()) {
            if (i != expected++) {
                problems.add(union.path(), "union inputs must be numbered 0 to " + (inputs.size() - 1)
                        + " without gaps; has " + inputs.keySet());
                return;
            }
        }
    }

    private void checkAcyclic(List<Edge> edges) {
        Map<String, List<String>> next = new HashMap<>();
        Map<String, Integer> indegree = new LinkedHashMap<>();
        nodes.keySet().forEach(n -> indegree.put(n, 0));
        for (Edge e : edges) {
            if (e != null) {
                next.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
                indegree.merge(e.to(), 1, Integer::sum);
            }
        }
        List<String> ready = new ArrayList<>(indegree.keySet().stream().filter(n -> indegree.get(n) == 0).toList());
        while (!ready.isEmpty()) {
            for (String t : next.getOrDefault(ready.remove(0), List.of())) {
                if (indegree.merge(t, -1, Integer::sum) == 0) {
                    ready.add(t);
                }
            }
        }
        List<String> cyclic = indegree.entrySet().stream().filter(en -> en.getValue() > 0).map(Map.Entry::getKey).toList();
        if (!cyclic.isEmpty()) {
            problems.add(SpecPath.ROOT.property("edges"), "the edges form a cycle; nodes on or after it: " + String.join(", ", cyclic));
        }
    }

    private static boolean needsKeyedInput(NodeSpec n) {
        return n instanceof NodeSpec.KeyedFunction || n instanceof NodeSpec.Window || n instanceof NodeSpec.IntervalJoin;
    }

    private static Edge edge(EdgeSpec e, int input) {
        return new Edge(e.from(), Optional.ofNullable(e.sideOutput()), e.to(), input);
    }
}
