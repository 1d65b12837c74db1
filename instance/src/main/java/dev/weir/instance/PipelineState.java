package dev.weir.instance;

/** The lifecycle of the instance's one pipeline; {@link #code()} is the value of the {@code weir_pipeline_state} gauge. */
public enum PipelineState {
    /** The spec is being read and compiled. */
    STARTING(0),
    /** The engine is running the pipeline. */
    RUNNING(1),
    /** Every source ended and the run completed. */
    FINISHED(2),
    /** The spec was invalid, or the run failed or was interrupted. */
    FAILED(3);

    private final int code;

    PipelineState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
