package dev.weir.runtime.graph;

/** A node of the logical pipeline. A closed set; each kind says how many inputs it takes. */
public sealed interface Node permits SourceNode, StatelessNode, KeyByNode, KeyedProcessNode, WindowNode,
        IntervalJoinNode, UnionNode, SinkNode {
    /** Unique name within the pipeline. */
    String name();

    /** How many input edges the node takes: {@code -1} for one or more. */
    int inputArity();

    /** Whether each input must come from a {@link KeyByNode}. */
    default boolean needsKeyedInput() {
        return false;
    }
}
