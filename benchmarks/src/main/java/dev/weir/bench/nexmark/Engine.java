package dev.weir.bench.nexmark;

import dev.weir.bench.nexmark.flink.FlinkChecksumSink;
import dev.weir.bench.nexmark.flink.FlinkQueries;
import dev.weir.bench.nexmark.weir.ChecksumSink;
import dev.weir.bench.nexmark.weir.WeirQueries;
import dev.weir.runtime.engine.JobResult;
import dev.weir.runtime.engine.LocalEngine;
import java.util.Arrays;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** An engine of the in-process mode: runs one query over the generator's events to a checksumming sink. */
public enum Engine {
    /** Weir's {@link LocalEngine} (one thread). */
    WEIR("weir") {
        @Override
        public Checksum run(NexmarkQuery query, NexmarkGenerator generator, String runId) {
            ChecksumSink sink = new ChecksumSink();
            JobResult job = new LocalEngine().run(WeirQueries.graph(query, WeirQueries.source(generator), sink));
            long late = job.lateDropped();
            if (late != 0 || job.failed() != 0) {
                throw new IllegalStateException(query + " on Weir dropped " + late + " late events and failed on "
                        + job.failed() + "; the workload has neither");
            }
            return sink.checksum();
        }
    },
    /** Apache Flink's local environment, parallelism 1. */
    FLINK("flink") {
        @Override
        public Checksum run(NexmarkQuery query, NexmarkGenerator generator, String runId) throws Exception {
            StreamExecutionEnvironment env = FlinkQueries.environment();
            FlinkQueries.build(env, query, generator, runId);
            env.execute("nexmark-" + query.id());
            return FlinkChecksumSink.take(runId);
        }
    };

    private final String id;

    Engine(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Runs {@code query} to the end of input on this thread; the run is timed by {@link RunClock}. */
    public abstract Checksum run(NexmarkQuery query, NexmarkGenerator generator, String runId) throws Exception;

    public static Engine parse(String name) {
        return Arrays.stream(values()).filter(e -> e.id.equalsIgnoreCase(name.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown engine '" + name + "', expected one of "
                        + Arrays.stream(values()).map(Engine::id).toList()));
    }

    @Override
    public String toString() {
        return id;
    }
}
