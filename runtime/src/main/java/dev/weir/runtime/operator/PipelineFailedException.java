package dev.weir.runtime.operator;

/** A pipeline stopped because a function failed under {@link dev.weir.runtime.graph.ErrorPolicy#FAIL}. */
public class PipelineFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String operator;

    public PipelineFailedException(String operator, String message, Throwable cause) {
        super("operator '" + operator + "': " + message, cause);
        this.operator = operator;
    }

    public String operator() {
        return operator;
    }
}
