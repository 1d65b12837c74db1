package dev.weir.bench.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.Environment;
import dev.weir.bench.state.CheckpointResults.CheckpointRun;
import dev.weir.bench.state.CheckpointResults.FileInfo;
import dev.weir.bench.state.CheckpointResults.Fill;
import dev.weir.bench.state.CheckpointResults.ProcessRecovery;
import dev.weir.bench.state.CheckpointResults.Recovery;
import dev.weir.bench.state.CheckpointResults.Settle;
import dev.weir.bench.state.CheckpointResults.Update;
import dev.weir.bench.state.StateBenchmarkOptions.Backend;
import dev.weir.bench.state.StateBenchmarkOptions.ThroughputSpec;
import dev.weir.bench.state.ThroughputResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateReportTest {
    private static final Environment ENV = new Environment("Test CPU", 2, 2, "0-1", "Test VM 17",
            List.of("-Xmx1g"), List.of("G1 Young Generation"), 1L << 30);
    private static final Instant AT = Instant.parse("2026-11-26T00:00:00Z");
    private static final long S = 1_000_000_000L;

    @TempDir
    Path dir;

    private static ThroughputResult ok(Backend backend, long heap, double seconds) {
        return new ThroughputResult(new ThroughputSpec(backend, heap), Status.OK, 20_000_000, 20_000_000,
                (long) (seconds * S), (long) (seconds * S / 2), 10_000_000, 400L << 20, 300L << 20, 900L << 20,
                backend == Backend.ROCKSDB ? 200L << 20 : -1, backend == Backend.ROCKSDB ? 60L << 20 : -1,
                backend == Backend.ROCKSDB ? 1L << 20 : -1, backend == Backend.ROCKSDB ? 700L << 20 : -1, 10, 500,
                (long) (seconds * 1.2 * S), (long) (seconds * 1.5 * S),
                List.of(S * (long) seconds / 8, S * (long) seconds / 8, S * (long) seconds / 8, S * (long) seconds / 8),
                "");
    }

    private static CheckpointResults checkpoints(double incrementalSeconds) {
        long total = 1_100L << 20;
        CheckpointRun full = new CheckpointRun("1: full, after the fill's compactions settled", 1, "chk-1-bench", S / 2,
                9 * S, S, 40, 36, total, 40, 0, total, List.of());
        CheckpointRun round1 = new CheckpointRun("2: round 1, right after 1% of the keys changed", 2, "chk-2-bench",
                S / 10, (long) (incrementalSeconds * S), S, 42, 37, total + (11L << 20), 2, 40, 11L << 20,
                List.of(new FileInfo("000123.sst", 11L << 20), new FileInfo("MANIFEST-000005", 900)));
        CheckpointRun round2 = new CheckpointRun("3: round 2, right after 1% of the keys changed", 3, "chk-3-bench",
                S / 10, 9 * S, S, 42, 37, total, 12, 30, 700L << 20, List.of(new FileInfo("000130.sst", 700L << 20)));
        CheckpointRun last = new CheckpointRun("4: after the compactions settled, no new writes", 4, "chk-4-bench",
                S / 100, S, S, 42, 37, total, 0, 42, 0, List.of());
        return new CheckpointResults(new Fill(10_000_000, 100, 60 * S, 166_666, 1_000L << 20, 200L << 20),
                List.of(new Update(1, 100_000, S), new Update(2, 100_000, S)), List.of(full, round1, round2, last),
                List.of(new Settle("after the fill", 8 * S, true, 37, total, 30, total),
                        new Settle("after the last round (no new writes)", 5 * S, true, 30, total, 30, total)),
                Optional.of(new Recovery("chk-3-bench", S / 10, 6 * S, 42, total, S / 5, 1_000_000, true, 50_000)),
                Optional.of(new ProcessRecovery(9_000, 100, 400, 1_500, 6_000, 500, 5, true, 4_000)),
                Optional.of(new CheckpointResults.Savepoint(new CheckpointResults.SavepointTaken(S / 2, 8 * S, 40, total),
                        List.of(new CheckpointResults.SavepointRestore(0, 0, 63, 7 * S, total, 20 * S, 5_000_000, true),
                                new CheckpointResults.SavepointRestore(1, 64, 127, 7 * S, total, 10 * S, 5_000_000,
                                        false)))));
    }

    private static String render(List<ThroughputResult> throughput, Optional<CheckpointResults> checkpoints) {
        return StateReport.render(StateBenchmarkOptions.defaults(), ENV, throughput, checkpoints,
                Optional.of("http://127.0.0.1:19000"), AT, "benchmarks/state-run.sh --out docs/benchmarks.md");
    }

    @Test
    void rendersEveryPartBetweenTheMarkers() {
        ThroughputResult oom = new ThroughputResult(new ThroughputSpec(Backend.HEAP, 512L << 20), Status.OOM,
                20_000_000, 2_345_678, 30 * S, -1, 0, 510L << 20, 505L << 20, 700L << 20, -1, -1, -1, -1, 300, 25_000,
                -1, -1, List.of(10 * S, -1L, -1L, -1L), "java.lang.OutOfMemoryError: Java heap space");
        String md = render(List.of(ok(Backend.ROCKSDB, 512L << 20, 200), oom, ok(Backend.HEAP, 8L << 30, 40)),
                Optional.of(checkpoints(1.5)));

        assertThat(md).startsWith(StateReport.BEGIN).endsWith(StateReport.END + "\n");
        assertThat(md).contains("Generated 2026-11-26T00:00:00Z by `benchmarks/state-run.sh --out docs/benchmarks.md`");
        assertThat(md).contains("| RocksDB | -Xmx512m | ok: 10,000,000 results in 200.0 s | 100.0 k | 200.0 k "
                + "| 200.0 k / 200.0 k / 200.0 k / 200.0 k | 100.0 |");
        assertThat(md).contains("| 500.0 k / – / – / – |");
        assertThat(md).contains("**OutOfMemoryError at -Xmx512m** after 2,345,678 of 20,000,000 events (30.0 s)");
        assertThat(md).contains("### 4. Native savepoint of that state, restored at parallelism 2")
                .contains("| task 0 of 2: raw copy of its key groups | 20.00 | | 5,000,000 | 250.0 k | sample checked |")
                .contains("| task 1 of 2: raw copy of its key groups | 10.00 | | 5,000,000 | 500.0 k | **wrong** |");
        assertThat(md).contains("| 1: full, after the fill's compactions settled | 40 (36) | 1,100.0 |");
        assertThat(md).contains("Uploaded by checkpoint 2: `000123.sst` 11 MB, `MANIFEST-000005` 900 B");
        assertThat(md).contains("incremental checkpoint of a 1% delta < 2 s: met in 1 of 2 rounds** (sync + upload: "
                + "min 1.60, median 9.10, max 9.10 s; round 1: 1.60 s = sync 0.10 + upload 1.50)");
        assertThat(md).contains("between 0.99% and 63.64%");
        assertThat(md).contains("In 1 of 2 rounds the checkpoint uploaded more than 5×");
        assertThat(md).contains("in the same JVM, took 4000 ms");
        assertThat(md).contains("recovery < 10 s: met**");
        assertThat(md).contains("**9.00 s from the kill to the first record** (met)");
        assertThat(md).contains("Compactions after the fill: the harness waited 8.0 s until no SST file had changed "
                + "for 5 s: 37 SST files (1,100 MB) → 30 (1,100 MB)").doesNotContain("NaN");
    }

    @Test
    void saysWhenATargetIsMissed() {
        String md = render(List.of(), Optional.of(checkpoints(4)));

        assertThat(md).contains("incremental checkpoint of a 1% delta < 2 s: not met** (sync + upload: min 4.10")
                .doesNotContain("### 1.");
    }

    @Test
    void thrashingAndTimeoutsAreExplained() {
        ThroughputResult thrash = new ThroughputResult(new ThroughputSpec(Backend.HEAP, 512L << 20), Status.GC_THRASH,
                20_000_000, 3_000_000, 40 * S, -1, 0, 1, 1, 1, -1, -1, -1, -1, 1, 1, -1, -1, List.of(),
                "stopped: 95% of the last 20 s in GC");
        assertThat(StateReport.outcome(thrash)).isEqualTo("**GC thrashing at -Xmx512m**, stopped after 3,000,000 of "
                + "20,000,000 events (40.0 s): 95% of the last 20 s in GC");
    }

    @Test
    void collapsedRunsAreExplained() {
        ThroughputResult stalled = new ThroughputResult(new ThroughputSpec(Backend.ROCKSDB, 512L << 20),
                Status.STALLED, 10_000_000, 4_100_000, 160 * S, -1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1,
                List.of(40 * S, -1L, -1L, -1L), "stopped: 1.0 k events+results/s over the last 60 s");
        assertThat(StateReport.outcome(stalled)).isEqualTo("**collapsed**, stopped after 4,100,000 of 10,000,000 "
                + "events (160.0 s): 1.0 k events+results/s over the last 60 s");
    }

    @Test
    void updateReplacesOnlyItsOwnSection() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Benchmarks\n\n<!-- kafka-benchmark:begin x -->\nkafka\n<!-- kafka-benchmark:end -->\n"
                + "\nKafka notes.\n");

        StateReport.update(doc, render(List.of(), Optional.of(checkpoints(1))));
        StateReport.update(doc, render(List.of(), Optional.of(checkpoints(3))));

        String text = Files.readString(doc);
        assertThat(text).startsWith("# Benchmarks\n\n<!-- kafka-benchmark:begin x -->\nkafka\n"
                + "<!-- kafka-benchmark:end -->\n\nKafka notes.\n\n" + StateReport.BEGIN);
        assertThat(text.split("state-benchmark:begin", -1)).hasSize(2);
        assertThat(text).contains("round 1: 3.10 s").doesNotContain("round 1: 1.10 s");
    }
}
