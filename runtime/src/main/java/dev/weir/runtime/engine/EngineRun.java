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
 * @param savepoint   the parts of a savepoint ({@link dev.weir.runtime.checkpoint.Checkpointer#savepoint()}), one
 *                    per task of the run that took it, to combine and continue from (any parallelism); empty for
 *                    none. At most one of {@code restoreFrom} and {@code savepoint} is given.
 * @param coordinator decides when to snapshot, between batches and at the end of input
 * @param onStart     receives the live per-operator metrics before the first record
 * @param stateBackends creates the keyed operators' state backends, and the run closes it when it ends; empty for
 *                      what the pipeline's {@code stateBackend} option says, in a temporary directory
 * @param keyGroups   the key groups whose keys reach this run's keyed operators: a task of a parallel pipeline owns
 *                    a range ({@link dev.weir.runtime.state.KeyGroups#rangeOf}); empty for all of them. State
 *                    restored from a savepoint is filtered to it.
 * @param afterRestore called once every operator and source took its state from {@code restoreFrom} or
 *                     {@code savepoint} (or at once without either), before they open: e.g. to delete files
 *                     downloaded for the restore
 */
public record EngineRun(Optional<byte[]> restoreFrom, java.util.List<byte[]> savepoint,
                        CheckpointCoordinator coordinator, Consumer<Map<String, OperatorMetrics>> onStart,
                        Optional<StateBackendFactory> stateBackends,
                        Optional<dev.weir.runtime.state.KeyGroupRange> keyGroups, Runnable afterRestore) {

    public EngineRun {
        Objects.requireNonNull(restoreFrom, "restoreFrom");
        savepoint = java.util.List.copyOf(savepoint);
        if (restoreFrom.isPresent() && !savepoint.isEmpty()) {
            throw new IllegalArgumentException("restore from a checkpoint or from a savepoint, not both");
        }
        Objects.requireNonNull(coordinator, "coordinator");
        Objects.requireNonNull(onStart, "onStart");
        Objects.requireNonNull(stateBackends, "stateBackends");
        Objects.requireNonNull(keyGroups, "keyGroups");
        Objects.requireNonNull(afterRestore, "afterRestore");
    }

    /** From the beginning, no checkpoints, nobody told at start, state where the pipeline's options say. */
    public static EngineRun defaults() {
        return new EngineRun(Optional.empty(), java.util.List.of(), CheckpointCoordinator.NONE, metrics -> { }, Optional.empty(), Optional.empty(), () -> { });
    }

    public EngineRun withRestore(byte[] snapshot) {
        return new EngineRun(Optional.of(snapshot), savepoint, coordinator, onStart, stateBackends, keyGroups, afterRestore);
    }

    /** Continues from a savepoint: its parts, one per task that took it. */
    public EngineRun withSavepoint(java.util.List<byte[]> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a savepoint has at least one part");
        }
        return new EngineRun(restoreFrom, parts, coordinator, onStart, stateBackends, keyGroups, afterRestore);
    }

    public EngineRun withCoordinator(CheckpointCoordinator newCoordinator) {
        return new EngineRun(restoreFrom, savepoint, newCoordinator, onStart, stateBackends, keyGroups, afterRestore);
    }

    public EngineRun withOnStart(Consumer<Map<String, OperatorMetrics>> newOnStart) {
        return new EngineRun(restoreFrom, savepoint, coordinator, newOnStart, stateBackends, keyGroups, afterRestore);
    }

    /** The run's keyed operators own only {@code range} (a task of a parallel pipeline). */
    public EngineRun withKeyGroups(dev.weir.runtime.state.KeyGroupRange range) {
        return new EngineRun(restoreFrom, savepoint, coordinator, onStart, stateBackends, Optional.of(range), afterRestore);
    }

    public EngineRun withStateBackends(StateBackendFactory factory) {
        return new EngineRun(restoreFrom, savepoint, coordinator, onStart, Optional.of(factory), keyGroups, afterRestore);
    }

    public EngineRun withAfterRestore(Runnable newAfterRestore) {
        return new EngineRun(restoreFrom, savepoint, coordinator, onStart, stateBackends, keyGroups, newAfterRestore);
    }
}
