package dev.weir.runtime.engine;

import dev.weir.runtime.checkpoint.CheckpointCoordinator;
import dev.weir.runtime.operator.OperatorMetrics;
import dev.weir.runtime.state.StateBackendFactory;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How {@link LocalEngine#run(dev.weir.runtime.graph.PipelineGraph, EngineRun)} runs a pipeline.
 *
 * <pre>{@code
 * engine.run(graph, EngineRun.defaults().withRestore(lastCheckpoint).withCoordinator(coordinator));
 * }</pre>
 *
 * @param restoreFrom a snapshot ({@link dev.weir.runtime.checkpoint.Checkpointer#snapshot()}) of an earlier run of
 *                    the same pipeline to continue from; empty to start from the beginning
 * @param coordinator decides when to snapshot, between batches and at the end of input
 * @param onStart     receives the live per-operator metrics before the first record
 * @param stateBackends creates the keyed operators' state backends, and the run closes it when it ends; empty for
 *                      what the pipeline's {@code stateBackend} option says, in a temporary directory
 */
public record EngineRun(Optional<byte[]> restoreFrom, CheckpointCoordinator coordinator,
                        Consumer<Map<String, OperatorMetrics>> onStart, Optional<StateBackendFactory> stateBackends) {

    public EngineRun {
        Objects.requireNonNull(restoreFrom, "restoreFrom");
        Objects.requireNonNull(coordinator, "coordinator");
        Objects.requireNonNull(onStart, "onStart");
        Objects.requireNonNull(stateBackends, "stateBackends");
    }

    /** From the beginning, no checkpoints, nobody told at start, state where the pipeline's options say. */
    public static EngineRun defaults() {
        return new EngineRun(Optional.empty(), CheckpointCoordinator.NONE, metrics -> { }, Optional.empty());
    }

    public EngineRun withRestore(byte[] snapshot) {
        return new EngineRun(Optional.of(snapshot), coordinator, onStart, stateBackends);
    }

    public EngineRun withCoordinator(CheckpointCoordinator newCoordinator) {
        return new EngineRun(restoreFrom, newCoordinator, onStart, stateBackends);
    }

    public EngineRun withOnStart(Consumer<Map<String, OperatorMetrics>> newOnStart) {
        return new EngineRun(restoreFrom, coordinator, newOnStart, stateBackends);
    }

    public EngineRun withStateBackends(StateBackendFactory factory) {
        return new EngineRun(restoreFrom, coordinator, onStart, Optional.of(factory));
    }
}
