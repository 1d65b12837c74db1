package dev.weir.runtime.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A pipeline spec, version {@value #VERSION}: named nodes and the edges between them.
 *
 * <pre>{@code
 * {"specVersion": 1, "name": "clicks-per-user",
 *  "nodes": [{"name": "clicks", "type": "source", "connector": {"type": "generator"}},
 *            {"name": "by-user", "type": "keyBy", "field": "user"}, ...],
 *  "edges": [{"from": "clicks", "to": "by-user"}, ...]}
 * }</pre>
 *
 * @param specVersion the format version; must be {@value #VERSION}
 * @param name        the pipeline's name
 * @param options     pipeline-wide settings; null for the defaults
 * @param nodes       the nodes; names are unique
 * @param edges       the streams between nodes; null for none
 */
@JsonPropertyOrder({"specVersion", "name", "options", "nodes", "edges"})
public record PipelineSpec(@JsonProperty(required = true) Integer specVersion,
                           @JsonProperty(required = true) String name,
                           OptionsSpec options,
                           @JsonProperty(required = true) List<NodeSpec> nodes,
                           List<EdgeSpec> edges) {
    /** The spec version this Weir reads and writes. */
    public static final int VERSION = 1;

    public PipelineSpec {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        edges = edges == null ? List.of() : List.copyOf(edges);
    }

    public static PipelineSpec of(String name, List<NodeSpec> nodes, List<EdgeSpec> edges) {
        return new PipelineSpec(VERSION, name, null, nodes, edges);
    }
}
