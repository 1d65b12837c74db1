package dev.weir.runtime.engine;

import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.checkpoint.Checkpointer;
import dev.weir.runtime.checkpoint.EngineSnapshot;
import dev.weir.runtime.checkpoint.StateCodec;
import dev.weir.runtime.operator.Operator;
import dev.weir.runtime.operator.PipelineFailedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshots and restores the operators and sources of one {@link PhysicalPlan} as an {@link EngineSnapshot}. Lives
 * on the engine thread of one run; its codec (and so Kryo) is created on first use, so a run without checkpoints
 * pays nothing.
 *
 * <p>Restoring is strict about what the snapshot holds and lenient about what it lacks, as Flink is without
 * {@code --allowNonRestoredState}: state for an operator or source the pipeline does not have fails the restore,
 * naming it; an operator or source of the pipeline that the snapshot does not mention starts empty.
 */
final class PlanCheckpointer implements Checkpointer {
    private final String pipeline;
    private final PhysicalPlan plan;
    private final Thread engineThread;
    private StateCodec codec;
    private StateCodec savepointCodec;

    PlanCheckpointer(String pipeline, PhysicalPlan plan) {
        this.pipeline = pipeline;
        this.plan = plan;
        this.engineThread = Thread.currentThread();
    }

    private StateCodec codec() {
        if (codec == null) {
            codec = new StateCodec(engineThread.getContextClassLoader());
        }
        return codec;
    }

    private StateCodec savepointCodec() {
        if (savepointCodec == null) {
            savepointCodec = StateCodec.forSavepoints(engineThread.getContextClassLoader());
        }
        return savepointCodec;
    }

    /**
     * @throws PipelineFailedException naming the operator or source whose state cannot be taken or encoded
     */
    @Override
    public byte[] snapshot() {
        return encode(take(false), codec());
    }

    @Override
    public byte[] savepoint() {
        return encode(take(true), savepointCodec());
    }

    @Override
    public void suspendSources() {
        checkEngineThread("suspendSources()");
        for (SourceRunner<?> s : plan.sources) {
            if (!s.drainedBySavepoint()) {
                s.suspend();
            }
        }
    }

    private void checkEngineThread(String what) {
        if (Thread.currentThread() != engineThread) {
            throw new IllegalStateException(what + " called on " + Thread.currentThread().getName()
                    + ", not on the engine thread " + engineThread.getName());
        }
    }

    private byte[] encode(EngineSnapshot snapshot, StateCodec with) {
        try {
            return snapshot.encode(with);
        } catch (IllegalArgumentException e) {
            throw new PipelineFailedException(pipeline, "cannot encode the " + (with.evolving() ? "savepoint" : "snapshot")
                    + ": " + e.getMessage(), e);
        }
    }

    private EngineSnapshot take(boolean savepoint) {
        checkEngineThread(savepoint ? "savepoint()" : "snapshot()");
        Map<String, Object> operators = new LinkedHashMap<>();
        for (Operator op : plan.operators) {
            if (op instanceof Checkpointed c) {
                Object state = take(op.name(), c);
                if (state != null) {
                    operators.put(op.name(), state);
                }
            }
        }
        Map<String, Object> sources = new LinkedHashMap<>();
        for (SourceRunner<?> s : plan.sources) {
            if (!savepoint || !s.drainedBySavepoint()) {
                sources.put(s.name(), take(s.name(), s));
            }
        }
        return new EngineSnapshot(EngineSnapshot.FORMAT_VERSION, operators, sources);
    }

    private static Object take(String name, Checkpointed c) {
        try {
            return c.snapshotState();
        } catch (RuntimeException e) {
            throw new PipelineFailedException(name, "cannot snapshot: " + e.getMessage(), e);
        }
    }

    /**
     * Restores every operator and source the snapshot has state for. Called after the plan is built and before
     * anything is opened.
     *
     * @throws PipelineFailedException naming the operator or source that cannot take its state from the snapshot
     */
    void restore(byte[] bytes) {
        EngineSnapshot snapshot;
        try {
            snapshot = EngineSnapshot.decode(codec(), bytes);
        } catch (IllegalArgumentException e) {
            throw new PipelineFailedException(pipeline, "cannot restore: " + e.getMessage(), e);
        }
        for (Map.Entry<String, Object> e : snapshot.operators().entrySet()) {
            put(e.getKey(), operatorFor(e.getKey(), "snapshot"), e.getValue());
        }
        for (Map.Entry<String, Object> e : snapshot.sources().entrySet()) {
            put(e.getKey(), sourceFor(e.getKey(), "snapshot"), e.getValue());
        }
    }

    /**
     * Restores a savepoint: the parts written by each task of the run that took it, of any number. Every operator
     * and source gets the states all parts hold for it, combined ({@link Checkpointed#restoreStates}): its key
     * groups, its source partitions, the smallest watermarks. Strict and lenient as {@link #restore}.
     *
     * @throws PipelineFailedException naming the operator or source that cannot take its state from the savepoint
     */
    void restoreSavepoint(List<byte[]> parts) {
        Map<String, List<Object>> operatorStates = new LinkedHashMap<>();
        Map<String, List<Object>> sourceStates = new LinkedHashMap<>();
        for (byte[] part : parts) {
            EngineSnapshot snapshot;
            try {
                snapshot = EngineSnapshot.decode(savepointCodec(), part);
            } catch (IllegalArgumentException e) {
                throw new PipelineFailedException(pipeline, "cannot restore the savepoint: " + e.getMessage(), e);
            }
            snapshot.operators().forEach((name, state) ->
                    operatorStates.computeIfAbsent(name, n -> new ArrayList<>()).add(state));
            snapshot.sources().forEach((name, state) ->
                    sourceStates.computeIfAbsent(name, n -> new ArrayList<>()).add(state));
        }
        operatorStates.forEach((name, states) -> putAll(name, operatorFor(name, "savepoint"), states));
        sourceStates.forEach((name, states) -> putAll(name, sourceFor(name, "savepoint"), states));
    }

    /** The operator a snapshot's state for {@code name} goes to; fails naming it if there is none that keeps state. */
    private Checkpointed operatorFor(String name, String snapshotKind) {
        for (Operator op : plan.operators) {
            if (op.name().equals(name)) {
                if (op instanceof Checkpointed c) {
                    return c;
                }
                throw new PipelineFailedException(name, "the " + snapshotKind + " has state for this operator, but it "
                        + "is a " + op.getClass().getSimpleName() + ", which keeps none", null);
            }
        }
        throw new PipelineFailedException(name, "the " + snapshotKind + " has state for this operator, but pipeline '"
                + pipeline + "' has no operator of that name", null);
    }

    /** The source a snapshot's state for {@code name} goes to; fails naming it if there is none. */
    private SourceRunner<?> sourceFor(String name, String snapshotKind) {
        for (SourceRunner<?> s : plan.sources) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new PipelineFailedException(name, "the " + snapshotKind + " has state for this source, but pipeline '"
                + pipeline + "' has no source of that name", null);
    }

    private static void putAll(String name, Checkpointed c, List<Object> states) {
        try {
            c.restoreStates(states);
        } catch (RuntimeException e) {
            throw new PipelineFailedException(name, "cannot restore from the savepoint: " + e.getMessage(), e);
        }
    }

    private static void put(String name, Checkpointed c, Object state) {
        try {
            c.restoreState(state);
        } catch (RuntimeException e) {
            throw new PipelineFailedException(name, "cannot restore from the snapshot: " + e.getMessage(), e);
        }
    }
}
