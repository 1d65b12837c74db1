package dev.weir.runtime.operator;

/**
 * A physical operator with a lifecycle. Single-input operators implement {@link Input} directly;
 * multi-input ones hand out one {@code Input} per upstream edge.
 */
public interface Operator {
    /** Called once before any input. */
    default void open() throws Exception {
    }

    /** Called once after end of input or on failure. */
    default void close() throws Exception {
    }

    /** The operator's name in the pipeline (unique). */
    String name();
}
