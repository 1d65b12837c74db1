package dev.weir.runtime.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * A stream from one node to another.
 *
 * @param from       producing node
 * @param sideOutput the side output of {@code from} this edge carries; empty for the main output
 * @param to         consuming node
 * @param toInput    which input of {@code to} (0 for single-input nodes; 0 = left, 1 = right for joins)
 */
public record Edge(String from, Optional<String> sideOutput, String to, int toInput) {
    public Edge {
        Objects.requireNonNull(from);
        Objects.requireNonNull(sideOutput);
        Objects.requireNonNull(to);
    }

    public static Edge main(String from, String to, int toInput) {
        return new Edge(from, Optional.empty(), to, toInput);
    }
}
