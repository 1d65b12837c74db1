package dev.weir.runtime.engine;

import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.operator.Operator;
import dev.weir.runtime.operator.OperatorMetrics;
import dev.weir.runtime.operator.PipelineFailedException;
import dev.weir.runtime.time.Clock;
import dev.weir.runtime.time.ProcessingTimeService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a pipeline in this process, on the calling thread, until every source has ended (bounded input) or the
 * thread is interrupted. Sources are polled round-robin in batches; between batches the engine reads the clock
 * once, emits periodic watermarks, detects idle partitions and fires due processing-time timers.
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
        return run(graph, operators -> { });
    }

    /**
     * Runs {@code graph} to completion, handing {@code onStart} the live per-operator metrics once the operators
     * exist and before the first record, so a metrics reporter can read them while the pipeline runs (plain longs
     * written by this thread: a reader on another thread may see slightly stale counts).
     */
    public JobResult run(PipelineGraph graph, java.util.function.Consumer<Map<String, OperatorMetrics>> onStart) {
        long started = System.nanoTime();
        ProcessingTimeService processingTime = new ProcessingTimeService(clock);
        PhysicalPlan plan = new PhysicalPlan(graph, processingTime);
        onStart.accept(java.util.Collections.unmodifiableMap(plan.metrics));
        try {
            for (Operator op : plan.operators) {
                op.open();
            }
            for (SourceRunner<?> s : plan.sources) {
                s.start();
            }
            loop(plan, processingTime);
        } catch (PipelineFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PipelineFailedException(graph.name(), "pipeline failed: " + e, e);
        } catch (Exception e) {
            throw new PipelineFailedException(graph.name(), "pipeline failed: " + e, e);
        } finally {
            closeAll(plan);
        }
        return new JobResult(graph.name(), Duration.ofNanos(System.nanoTime() - started), Map.copyOf(plan.metrics));
    }

    private void loop(PhysicalPlan plan, ProcessingTimeService processingTime) throws Exception {
        long interval = plan.sources.stream().mapToLong(SourceRunner::periodicIntervalMillis).min().orElse(Long.MAX_VALUE);
        long now = clock.millis();
        long nextPeriodic = interval == Long.MAX_VALUE ? Long.MAX_VALUE : now + interval;
        boolean active = true;
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
