package dev.weir.runtime.graph;

/** What the engine does with an input on which a function throws. */
public enum ErrorPolicy {
    /** Stop the pipeline with the error. The default. */
    FAIL,
    /** Count the input as skipped and go on. */
    SKIP,
    /**
     * Send the input with the error to the {@value #DEAD_LETTER_OUTPUT} side output of the failing node (a Kafka
     * dead-letter topic in deployments) and go on.
     */
    DEAD_LETTER;

    /** Id of the side output that receives {@link dev.weir.runtime.operator.DeadLetter}s. */
    public static final String DEAD_LETTER_OUTPUT = "dead-letter";
}
