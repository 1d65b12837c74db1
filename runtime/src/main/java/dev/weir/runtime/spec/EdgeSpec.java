package dev.weir.runtime.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A stream from one node to another.
 *
 * @param from       the producing node
 * @param to         the consuming node
 * @param input      which input of {@code to}: 0 for single-input nodes (the default), 0 (left) or 1 (right) for an
 *                   interval join; for a union, null numbers its inputs in edge order
 * @param sideOutput the side output of {@code from} this edge carries (e.g. a window's late data); null for the
 *                   main output
 */
@JsonPropertyOrder({"from", "to", "input", "sideOutput"})
public record EdgeSpec(@JsonProperty(required = true) String from,
                       @JsonProperty(required = true) String to,
                       Integer input,
                       String sideOutput) {

    public static EdgeSpec of(String from, String to) {
        return new EdgeSpec(from, to, null, null);
    }
}
