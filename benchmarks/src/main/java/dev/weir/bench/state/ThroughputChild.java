package dev.weir.bench.state;

import dev.weir.bench.state.StateBenchmarkOptions.Backend;
import dev.weir.bench.state.StateBenchmarkOptions.ThroughputSpec;
import dev.weir.bench.state.ThroughputResult.Status;
import dev.weir.runtime.engine.EngineRun;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.state.StateBackendFactory;
import dev.weir.runtime.state.rocksdb.RocksDbOptions;
import dev.weir.runtime.state.rocksdb.RocksDbStateBackendFactory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One throughput run in a JVM of its own (started by {@link StateBenchmark} with the run's heap cap): the keyed
 * count of {@link KeyedCountWorkload} on {@link LocalEngine} with the heap or the RocksDB backend. Prints progress on
 * stdout and exactly one {@link ThroughputResult} line on stdout, also when the run runs out of memory or thrashes
 * (then it halts the JVM at once).
 *
 * <p>Arguments: {@code BACKEND HEAP_BYTES KEYS EVENTS BLOCK_CACHE_BYTES WRITE_BUFFER_BYTES WORK_DIR}.
 */
public final class ThroughputChild {
    private ThroughputChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            throw new IllegalArgumentException("usage: ThroughputChild BACKEND HEAP_BYTES KEYS EVENTS BLOCK_CACHE "
                    + "WRITE_BUFFER WORK_DIR");
        }
        ThroughputSpec spec = new ThroughputSpec(Backend.parse(args[0]), Long.parseLong(args[1]));
        long keys = Long.parseLong(args[2]);
        long events = Long.parseLong(args[3]);
        long cache = Long.parseLong(args[4]);
        long buffer = Long.parseLong(args[5]);
        Path work = Path.of(args[6]);
        PrintStream out = System.out;
        ThroughputResult result = run(spec, keys, events, cache, buffer, work, out);
        synchronized (out) {
            out.println(result.toLine());
            out.flush();
        }
        Runtime.getRuntime().halt(0); // no need to wait for anything: the parent has the result
    }

    static ThroughputResult run(ThroughputSpec spec, long keys, long events, long cache, long buffer, Path work,
                                PrintStream out) {
        KeyedCountWorkload workload = new KeyedCountWorkload(keys, events);
        TimedCountingSink sink = new TimedCountingSink();
        RocksDbStateBackendFactory rocks = spec.backend() == Backend.ROCKSDB
                ? new RocksDbStateBackendFactory(RocksDbOptions.defaults(work).withMemory(cache, buffer)) : null;
        StateBackendFactory factory = rocks != null ? rocks : StateBackendFactory.HEAP;
        PipelineGraph graph = workload.graph(sink);
        System.gc();
        long[] started = new long[3]; // nanoTime, process CPU, machine busy
        RunSampler[] samplerRef = new RunSampler[1];
        RunSampler sampler = new RunSampler(spec.toString(), () -> workload.generated() + sink.count(),
                rocks == null ? null : rocks::nativeMemory, rocks == null ? null : work, out, (stopStatus, why) -> {
                    RunSampler s = samplerRef[0];
                    ThroughputResult r = result(spec, stopStatus, workload, sink, s, started,
                            System.nanoTime(), "stopped: " + why);
                    synchronized (out) {
                        out.println(r.toLine());
                        out.flush();
                    }
                    Runtime.getRuntime().halt(0);
                });
        samplerRef[0] = sampler;
        started[1] = CpuClock.processCpuNanos();
        started[2] = CpuClock.machineBusyNanos();
        started[0] = System.nanoTime();
        Status status = Status.OK;
        String message = "";
        try {
            new LocalEngine().run(graph, EngineRun.defaults().withStateBackends(factory));
        } catch (Throwable t) {
            status = isOutOfMemory(t) ? Status.OOM : Status.FAILED;
            message = t.toString();
        }
        long ended = System.nanoTime();
        sampler.sample(true);
        sampler.close();
        if (status == Status.OK && sink.count() != workload.expectedOutputs()) {
            status = Status.FAILED;
            message = "wrong output count: " + sink.count() + ", expected " + workload.expectedOutputs();
        }
        return result(spec, status, workload, sink, sampler, started, ended, message);
    }

    private static ThroughputResult result(ThroughputSpec spec, Status status, KeyedCountWorkload workload,
                                           TimedCountingSink sink, RunSampler s, long[] started, long endNanos,
                                           String message) {
        long startNanos = started[0];
        long cpu = CpuClock.processCpuNanos();
        long busy = CpuClock.machineBusyNanos();
        long first = sink.firstResultNanos();
        long ingest = first == 0 ? -1 : first - startNanos;
        return new ThroughputResult(spec, status, workload.events(), workload.generated(), endNanos - startNanos,
                ingest,
                sink.count(), s.peakHeapUsed(), s.maxLiveAfterGc(), ProcessStats.peakRssBytes().orElse(-1),
                s.peakNative(), s.peakMemTables(), s.peakTableReaders(), s.peakDiskBytes(), s.gcCountDuringRun(),
                s.gcMillisDuringRun(), cpu < 0 || started[1] < 0 ? -1 : cpu - started[1],
                busy < 0 || started[2] < 0 ? -1 : busy - started[2],
                Arrays.stream(workload.quarterNanos(startNanos)).boxed().toList(), message);
    }

    static boolean isOutOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
