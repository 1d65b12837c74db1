package dev.weir.bench.micro;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The CPU time the benchmark's JVM used per operation ({@value #CPU_PER_OP}, ns/op), and its CPU time over the
 * iteration's wall time ({@value #CPU_SHARE}). On a machine shared with other work the average time per operation
 * also counts the time the benchmark thread waited for a core; the CPU time does not (it does count the JVM's own
 * GC and JIT threads and RocksDB's background threads). A share well below 1 for a single-threaded benchmark means
 * other processes took the core. Use with {@code -prof dev.weir.bench.micro.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    static final String CPU_PER_OP = "cpu.time.norm";
    static final String CPU_SHARE = "cpu.share";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation, and CPU time over wall time";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        wallStart = System.nanoTime();
        cpuStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        long ops = result.getMetadata().getAllOps();
        return List.of(
                new ScalarResult(CPU_PER_OP, ops == 0 ? Double.NaN : (double) cpu / ops, "ns/op",
                        AggregationPolicy.AVG),
                new ScalarResult(CPU_SHARE, wall == 0 ? Double.NaN : (double) cpu / wall, "cpu/wall",
                        AggregationPolicy.AVG));
    }
}
