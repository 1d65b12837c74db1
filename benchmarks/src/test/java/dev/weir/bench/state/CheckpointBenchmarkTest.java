package dev.weir.bench.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.state.CheckpointResults.CheckpointRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint and recovery parts at a tiny size, against an in-memory store: the logic, not the numbers. */
class CheckpointBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void incrementalCheckpointUploadsOnlyTheDeltaAndRecoveryReadsTheNewValues() throws Exception {
        StateBenchmarkOptions o = StateBenchmarkOptions.parse("--parts", "checkpoint,recovery", "--state-keys", "20k",
                "--value-bytes", "100", "--update-fraction", "1%", "--rounds", "2", "--settle", "1s", "--block-cache", "16m",
                "--write-buffer", "8m");
        InMemoryObjectStore store = new InMemoryObjectStore();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        CheckpointResults r = new CheckpointBenchmark(o, store, () -> store, "bench/test/task-0", dir,
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run(true, Optional.empty());

        assertThat(r.fill().keys()).isEqualTo(20_000);
        assertThat(r.updates()).hasSize(2).allMatch(u -> u.keys() == 200);
        assertThat(r.checkpoints()).hasSize(4);
        assertThat(r.settles()).hasSize(2);
        CheckpointRun full = r.checkpoints().get(0);
        CheckpointRun incremental = r.checkpoints().get(1);
        assertThat(full.filesReused()).isZero();
        assertThat(full.bytesUploaded()).isEqualTo(full.totalBytes()).isGreaterThan(20_000L * 100);
        assertThat(incremental.filesReused()).isPositive();
        assertThat(incremental.bytesUploaded()).isLessThan(full.totalBytes() / 10);
        assertThat(incremental.uploaded()).anyMatch(f -> f.name().endsWith(".sst"));
        assertThat(incremental.uploaded().stream().mapToLong(CheckpointResults.FileInfo::bytes).sum())
                .isEqualTo(incremental.bytesUploaded());
        assertThat(r.recovery()).hasValueSatisfying(rec -> {
            assertThat(rec.verified()).isTrue();
            assertThat(rec.checkpoint()).isEqualTo(r.checkpoints().get(2).name()); // the last round's
            assertThat(rec.bytes()).isEqualTo(r.checkpoints().get(2).totalBytes());
        });
        assertThat(r.processRecovery()).isEmpty();
        assertThat(dir).isEmptyDirectory(); // working files deleted
    }

    @Test
    void valuesAreDeterministicAndUpdatedKeysArePermuted() {
        StateValues v = new StateValues(1_000, 13);
        assertThat(v.value(5, 0)).hasSize(13).isEqualTo(v.value(5, 0)).isNotEqualTo(v.value(5, 1))
                .isNotEqualTo(v.value(6, 0));
        assertThat(java.util.stream.LongStream.range(0, 1_000).map(v::updatedKey).distinct().count())
                .isEqualTo(1_000);
        assertThat(CheckpointBenchmark.percent(0.01)).isEqualTo("1%");
        assertThat(CheckpointBenchmark.percent(0.005)).isEqualTo("0.5%");
    }
}
