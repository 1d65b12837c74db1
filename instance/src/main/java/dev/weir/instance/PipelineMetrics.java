package dev.weir.instance;

import dev.weir.runtime.operator.OperatorMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Publishes the pipeline to Micrometer (and so to Prometheus at {@code /q/metrics}):
 * <ul>
 *   <li>{@code weir_pipeline_state} – 0 starting, 1 running, 2 finished, 3 failed ({@link PipelineState#code()});</li>
 *   <li>{@code weir_operator_records_in}, {@code _records_out}, {@code _late}, {@code _failed}, tagged with
 *       {@code pipeline} and {@code operator} – live: registered when the run starts, read from the engine's
 *       counters at each scrape.</li>
 * </ul>
 */
@ApplicationScoped
public class PipelineMetrics {
    private final MeterRegistry registry;
    private final PipelineStatus status;

    PipelineMetrics(MeterRegistry registry, PipelineStatus status) {
        this.registry = registry;
        this.status = status;
    }

    /** Registers the {@code weir_pipeline_state} gauge; call once, before the pipeline starts. */
    void registerState() {
        Gauge.builder("weir.pipeline.state", status, s -> s.state().code())
                .description("Pipeline state: 0 starting, 1 running, 2 finished, 3 failed")
                .strongReference(true)
                .register(registry);
    }

    /** Registers {@code weir_state_native_memory_bytes}: what the task's RocksDB state holds off the heap now. */
    void registerStateMemory(String pipeline, java.util.function.LongSupplier bytes) {
        Gauge.builder("weir.state.native.memory", bytes, b -> b.getAsLong())
                .description("Native memory of the task's state backend (RocksDB block cache incl. memtables, table readers)")
                .baseUnit("bytes")
                .tag("pipeline", pipeline)
                .strongReference(true)
                .register(registry);
    }

    /** Registers one gauge per operator and counter over the engine's live counters of a starting run. */
    void publish(String pipeline, Map<String, OperatorMetrics> live) {
        for (Map.Entry<String, OperatorMetrics> e : live.entrySet()) {
            OperatorMetrics m = e.getValue();
            gauge("weir.operator.records.in", "Elements received", pipeline, e.getKey(), m, OperatorMetrics::recordsIn);
            gauge("weir.operator.records.out", "Elements emitted on the main output", pipeline, e.getKey(), m,
                    OperatorMetrics::recordsOut);
            gauge("weir.operator.late", "Elements too late for all their windows", pipeline, e.getKey(), m,
                    OperatorMetrics::lateDropped);
            gauge("weir.operator.failed", "Inputs a function failed on (skipped or dead-lettered)", pipeline, e.getKey(), m,
                    OperatorMetrics::failed);
        }
    }

    private void gauge(String name, String description, String pipeline, String operator, OperatorMetrics m,
                       ToDoubleFunction<OperatorMetrics> value) {
        Gauge.builder(name, m, value)
                .description(description)
                .tag("pipeline", pipeline)
                .tag("operator", operator)
                .strongReference(true)
                .register(registry);
    }
}
