package dev.weir.runtime.engine;

import dev.weir.runtime.checkpoint.CheckpointCoordinator;
import dev.weir.runtime.checkpoint.Checkpointer;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.StateBackendKind;
import dev.weir.runtime.operator.Operator;
import dev.weir.runtime.operator.OperatorMetrics;
import dev.weir.runtime.operator.PipelineFailedException;
import dev.weir.runtime.state.KeyGroupAssigner;
import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyedStateBackend;
import dev.weir.runtime.state.StateBackendFactory;
import dev.weir.runtime.state.StateBackends;
import dev.weir.runtime.time.Clock;
import dev.weir.runtime.time.ProcessingTimeService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs a pipeline in this process, on the calling thread, until every source has ended (bounded input) or the
 * thread is interrupted. Sources are polled round-robin in batches; between batches the engine reads the clock
 * once, emits periodic watermarks, detects idle partitions and fires due processing-time timers. A run can start
 * from a snapshot of an earlier run and take snapshots between batches ({@link EngineRun}).
 */
public final class LocalEngine {
    /** Records read per partition per poll. */
    public static final int DEFAULT_BATCH_SIZE = 512;

    private final Clock clock;
    private final int batchSize;

    public LocalEngine() {
        this(Clock.system());
    }

    public LocalEngine(Clock clock) {
        this(clock, DEFAULT_BATCH_SIZE);
    }

    public LocalEngine(Clock clock, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1");
        }
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * Runs {@code graph} to completion.
     *
     * @throws PipelineFailedException if a function fails under the FAIL error policy, or a source/sink fails
     */
    public JobResult run(PipelineGraph graph) {
        return run(graph, EngineRun.defaults());
    }

    /**
     * Runs {@code graph} to completion, handing {@code onStart} the live per-operator metrics once the operators
     * exist and before the first record, so a metrics reporter can read them while the pipeline runs (plain longs
     * written by this thread: a reader on another thread may see slightly stale counts).
     */
    public JobResult run(PipelineGraph graph, Consumer<Map<String, OperatorMetrics>> onStart) {
        return run(graph, EngineRun.defaults().withOnStart(onStart));
    }

    /**
     * Runs {@code graph} to completion as {@code run} says: restored from a snapshot, with a checkpoint coordinator.
     *
     * <p>A restore happens after the operators and sources are built and before they open; the run then continues
     * where the snapshot was taken (sources resume at their positions, with their watermarks and idleness), and a
     * snapshot taken after the end of input gives a run that ends at once without output. The coordinator is called
     * on this thread after every iteration of the loop ({@link CheckpointCoordinator#onBatchBoundary}) and once when
     * every source ended, before the operators close ({@link CheckpointCoordinator#onEndOfInput}); if it throws, the
     * run stops like a failing function (operators closed, {@link PipelineFailedException}).
     *
     * @throws PipelineFailedException if a function fails under the FAIL error policy, a source/sink fails, the
     *                                 snapshot does not fit the pipeline (naming the operator), or the coordinator
     *                                 throws
     */
    public JobResult run(PipelineGraph graph, EngineRun run) {
        long started = System.nanoTime();
        ProcessingTimeService processingTime = new ProcessingTimeService(clock);
        StateBackendFactory stateBackends = run.stateBackends().orElseGet(() -> defaultStateBackends(graph));
        PhysicalPlan plan = new PhysicalPlan(graph, processingTime, stateBackends, run.keyGroups());
        run.onStart().accept(java.util.Collections.unmodifiableMap(plan.metrics));
        PlanCheckpointer checkpointer = new PlanCheckpointer(graph.name(), plan);
        try {
            if (run.restoreFrom().isPresent()) {
                checkpointer.restore(run.restoreFrom().get());
            } else if (!run.savepoint().isEmpty()) {
                checkpointer.restoreSavepoint(run.savepoint());
            }
            run.afterRestore().run();
            for (Operator op : plan.operators) {
                op.open();
            }
            for (SourceRunner<?> s : plan.sources) {
                s.start();
            }
            loop(plan, processingTime, run.coordinator(), checkpointer);
            run.coordinator().onEndOfInput(checkpointer);
        } catch (PipelineFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PipelineFailedException(graph.name(), "pipeline failed: " + e, e);
        } catch (Exception e) {
            throw new PipelineFailedException(graph.name(), "pipeline failed: " + e, e);
        } finally {
            closeAll(plan);
            stateBackends.close();
        }
        return new JobResult(graph.name(), Duration.ofNanos(System.nanoTime() - started), Map.copyOf(plan.metrics));
    }

    /** What the pipeline's options ask for; RocksDB in a temporary directory deleted when the run ends. */
    private static StateBackendFactory defaultStateBackends(PipelineGraph graph) {
        if (graph.options().stateBackend() == StateBackendKind.HEAP) {
            return StateBackendFactory.HEAP;
        }
        try {
            Path dir = Files.createTempDirectory("weir-state-");
            StateBackendFactory factory = StateBackends.create(graph.options().stateBackend(), dir,
                    Thread.currentThread().getContextClassLoader());
            return new StateBackendFactory() {
                @Override
                public <K> KeyedStateBackend<K> create(String operator, KeyGroupAssigner assigner,
                                                       KeyGroupRange keyGroups) {
                    return factory.create(operator, assigner, keyGroups);
                }

                @Override
                public void prepareCheckpoint(Path directory) {
                    factory.prepareCheckpoint(directory);
                }

                @Override
                public void prepareSavepoint(dev.weir.runtime.state.SavepointFormat format, Path directory) {
                    factory.prepareSavepoint(format, directory);
                }

                @Override
                public void restoreSavepointFiles(java.util.List<Path> partDirectories) {
                    factory.restoreSavepointFiles(partDirectories);
                }

                @Override
                public void restoreFrom(Path directory) {
                    factory.restoreFrom(directory);
                }

                @Override
                public void close() {
                    factory.close();
                    deleteTree(dir);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans it up eventually
        }
    }

    private void loop(PhysicalPlan plan, ProcessingTimeService processingTime, CheckpointCoordinator coordinator,
                      Checkpointer checkpointer) throws Exception {
        long interval = plan.sources.stream().mapToLong(SourceRunner::periodicIntervalMillis).min().orElse(Long.MAX_VALUE);
        long now = clock.millis();
        long nextPeriodic = interval == Long.MAX_VALUE ? Long.MAX_VALUE : now + interval;
        // Not a single iteration if every source ended already (restored after the end of input): processing time
        // must not advance after the end of input, or pending processing-time timers would fire.
        boolean active = plan.sources.stream().anyMatch(s -> !s.isFinished());
        while (active) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("pipeline interrupted");
            }
            boolean any = false;
            active = false;
            for (SourceRunner<?> s : plan.sources) {
                if (!s.isFinished()) {
                    any |= s.pollAll(batchSize, now);
                    active |= !s.isFinished();
                }
            }
            now = clock.millis();
            if (now >= nextPeriodic) {
                for (SourceRunner<?> s : plan.sources) {
                    if (!s.isFinished()) {
                        s.onPeriodic(now);
                    }
                }
                nextPeriodic = now + interval;
            }
            processingTime.advance();
            coordinator.onBatchBoundary(now, checkpointer);
            if (!any && active) {
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    private static void closeAll(PhysicalPlan plan) {
        for (SourceRunner<?> s : plan.sources) {
            try {
                s.close();
            } catch (Exception ignored) {
                // closing after the run: nothing left to lose
            }
        }
        for (Operator op : plan.operators) {
            try {
                op.close();
            } catch (Exception ignored) {
                // closing after the run: nothing left to lose
            }
        }
    }
}
