package dev.weir.runtime.engine;

import dev.weir.runtime.checkpoint.CheckpointCoordinator;
import dev.weir.runtime.operator.OperatorMetrics;
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
 */
public record EngineRun(Optional<byte[]> restoreFrom, CheckpointCoordinator coordinator,
                        Consumer<Map<String, OperatorMetrics>> onStart) {

    public EngineRun {
        Objects.requireNonNull(restoreFrom, "restoreFrom");
        Objects.requireNonNull(coordinator, "coordinator");
        Objects.requireNonNull(onStart, "onStart");
    }

    /** From the beginning, no checkpoints, nobody told at start. */
    public static EngineRun defaults() {
        return new EngineRun(Optional.empty(), CheckpointCoordinator.NONE, metrics -> { });
    }

    public EngineRun withRestore(byte[] snapshot) {
        return new EngineRun(Optional.of(snapshot), coordinator, onStart);
    }

    public EngineRun withCoordinator(CheckpointCoordinator newCoordinator) {
        return new EngineRun(restoreFrom, newCoordinator, onStart);
    }

    public EngineRun withOnStart(Consumer<Map<String, OperatorMetrics>> newOnStart) {
        return new EngineRun(restoreFrom, coordinator, newOnStart);
    }
}
