package dev.weir.instance;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The state of the pipeline run, written by the pipeline thread and read by health checks and metrics. Legal
 * transitions: STARTING → RUNNING → FINISHED, and STARTING or RUNNING → FAILED.
 */
@ApplicationScoped
public class PipelineStatus {
    private volatile PipelineState state = PipelineState.STARTING;
    private volatile String failure;

    public PipelineState state() {
        return state;
    }

    /** Why the pipeline failed; empty unless the state is FAILED. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    synchronized void running() {
        move(PipelineState.STARTING, PipelineState.RUNNING);
    }

    synchronized void finished() {
        move(PipelineState.RUNNING, PipelineState.FINISHED);
    }

    synchronized void failed(String message) {
        if (state == PipelineState.FINISHED || state == PipelineState.FAILED) {
            throw new IllegalStateException("pipeline already " + state + ", cannot fail");
        }
        failure = message;
        state = PipelineState.FAILED;
    }

    private void move(PipelineState from, PipelineState to) {
        if (state != from) {
            throw new IllegalStateException("pipeline is " + state + ", cannot move to " + to);
        }
        state = to;
    }
}
