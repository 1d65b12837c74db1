package dev.weir.bench.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.state.StateBenchmarkOptions.Backend;
import dev.weir.bench.state.StateBenchmarkOptions.ThroughputSpec;
import dev.weir.bench.state.ThroughputResult.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultLinesTest {
    @Test
    void throughputResultsRoundTripThroughALine() {
        ThroughputResult r = new ThroughputResult(new ThroughputSpec(Backend.HEAP, 512L << 20), Status.OOM,
                20_000_000, 7_123_456, 35_000_000_000L, -1, 0, 500L << 20, 490L << 20, 700L << 20, -1, -1, -1, -1, 42,
                30_000, 40_000_000_000L, 70_000_000_000L, List.of(5_000_000_000L, -1L, -1L, -1L), "java.lang.OutOfMemoryError: Java heap space | 100% = bad");

        String line = r.toLine();

        assertThat(line).startsWith("STATE-THROUGHPUT ").doesNotContain("Java heap space");
        assertThat(ThroughputResult.parseLine(line)).contains(r);
        assertThat(ThroughputResult.parseLine("[heap:512m] 5.0 s: 1,000 events+results")).isEmpty();
    }

    @Test
    void ratesAndCores() {
        ThroughputResult r = new ThroughputResult(new ThroughputSpec(Backend.ROCKSDB, 512L << 20), Status.OK, 10, 10,
                2_000_000_000L, 1_000_000_000L, 5, 1, 1, 1, 1, 1, 1, 1, 0, 0, 3_000_000_000L, 3_500_000_000L,
                List.of(1_000_000_000L, 500_000_000L), "");

        assertThat(r.eventsPerSecond()).isEqualTo(5.0);
        assertThat(r.ingestEventsPerSecond()).isEqualTo(10.0);
        assertThat(r.cores()).isEqualTo(1.5);
        assertThat(r.otherCores()).isEqualTo(0.25);
        assertThat(r.quarterRates()).containsExactly(5.0, 10.0);
    }

    @Test
    void linesOfOtherTagsAreNotResults() {
        assertThat(ResultLine.parse("STATE-RECOVERY", "STATE-RECOVERY-READY")).isEmpty();
        assertThat(ResultLine.parse("STATE-RECOVERY", "STATE-RECOVERY a=1 b=x%20y"))
                .contains(Map.of("a", "1", "b", "x y"));
    }

    @Test
    void readsProcAndCpuLines() {
        assertThat(ProcessStats.kilobytes("VmHWM:\t  123456 kB")).isEqualTo(123456L * 1024);
        assertThat(CpuClock.busyNanos("cpu  100 5 50 9000 20 1 2 3 0 0")).isEqualTo(161 * 10_000_000L);
    }

    @Test
    void topFramesAreShortNames() {
        StackTraceElement[] stack = {
            new StackTraceElement("org.rocksdb.RocksDB", "get", "RocksDB.java", 1),
            new StackTraceElement("dev.weir.runtime.state.rocksdb.StateColumn", "get", "StateColumn.java", 2),
            new StackTraceElement("a.B", "c", "B.java", 3),
            new StackTraceElement("d.E", "f", "E.java", 4)};
        assertThat(RunSampler.topFrames(stack, 3)).isEqualTo("RocksDB.get ← StateColumn.get ← B.c");
        assertThat(RunSampler.topFrames(new StackTraceElement[0], 3)).isEqualTo("(no stack)");
    }

    @Test
    void outOfMemoryIsFoundAmongCauses() {
        assertThat(ThroughputChild.isOutOfMemory(new RuntimeException(new OutOfMemoryError("x")))).isTrue();
        assertThat(ThroughputChild.isOutOfMemory(new RuntimeException("x"))).isFalse();
    }
}
