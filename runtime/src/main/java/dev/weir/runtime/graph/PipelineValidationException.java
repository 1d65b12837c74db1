package dev.weir.runtime.graph;

/** A pipeline definition is invalid. The message names the node (and field, for specs) at fault. */
public class PipelineValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PipelineValidationException(String message) {
        super(message);
    }
}
