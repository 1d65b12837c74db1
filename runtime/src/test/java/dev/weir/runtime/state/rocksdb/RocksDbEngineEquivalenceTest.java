package dev.weir.runtime.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.runtime.oracle.Recorded;
import dev.weir.runtime.oracle.Script;
import dev.weir.runtime.oracle.ScriptGenerators;
import dev.weir.runtime.state.StateBackendFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * The RocksDB backend is a drop-in for the heap backend: every keyed operator ({@link EquivalencePipeline}) emits the
 * same results on both, on random out-of-order input, including after a restore from a native checkpoint, and
 * savepoints move between the two.
 *
 * <p>Heap and RocksDB fire timers of equal timestamps in different orders (registration order, key-byte order), so
 * results of different keys, or of windows of one key that end together, may interleave differently: between the
 * two backends the output is compared per (sink, key, window) and as a whole multiset. Two RocksDB runs fire in the
 * same order, so a run restored from a native checkpoint must emit exactly what an uninterrupted one emits.
 */
class RocksDbEngineEquivalenceTest {
    private Path dir;
    private int factories;

    @BeforeTry
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory("rocksdb-equivalence");
    }

    @AfterTry
    void deleteDirectory() {
        CheckpointFiles.deleteRecursively(dir);
    }

    private RocksDbStateBackendFactory rocksDb() {
        return new RocksDbStateBackendFactory(RocksDbOptions.defaults(dir.resolve("local-" + factories++))
                .withMemory(16 << 20, 8 << 20));
    }

    @Property(tries = 25, shrinking = ShrinkingMode.FULL)
    void rocksDbEmitsWhatTheHeapEmits(@ForAll("scripts") Script script, @ForAll("shapes") EquivalencePipeline.Shape shape,
                                      @ForAll @IntRange(min = 1, max = 12) int batchSize,
                                      @ForAll("millisPerBoundary") long millisPerBoundary) {
        BackendRuns runs = runs(script, shape, batchSize, millisPerBoundary);

        List<Recorded> heap = runs.uninterrupted(StateBackendFactory.HEAP).records();
        List<Recorded> rocks = runs.uninterrupted(rocksDb()).records();

        assertSameResults(rocks, heap);
    }

    @Property(tries = 12, shrinking = ShrinkingMode.FULL)
    void aRunRestoredFromANativeCheckpointEmitsWhatAnUninterruptedRunEmits(
            @ForAll("scripts") Script script, @ForAll("shapes") EquivalencePipeline.Shape shape,
            @ForAll @IntRange(min = 1, max = 12) int batchSize, @ForAll("millisPerBoundary") long millisPerBoundary,
            @ForAll("positions") double position, @ForAll @IntRange(min = 0, max = 3) int crashAfter) {
        BackendRuns runs = runs(script, shape, batchSize, millisPerBoundary);
        BackendRuns.Output expected = runs.uninterrupted(rocksDb());
        Path checkpoint = dir.resolve("checkpoint-1");

        List<Recorded> restored = runs.crashAndRestore(rocksDb(),
                f -> f.prepareSnapshot(SnapshotKind.CHECKPOINT, checkpoint), snapshotAt(position, expected), crashAfter,
                this::rocksDb, f -> f.restoreFrom(checkpoint));

        assertThat(checkpoint).isDirectory();
        assertThat(restored).containsExactlyElementsOf(expected.records());
    }

    @Property(tries = 10, shrinking = ShrinkingMode.FULL)
    void aSavepointOfTheHeapContinuesOnRocksDbAndViceVersa(
            @ForAll("scripts") Script script, @ForAll("shapes") EquivalencePipeline.Shape shape,
            @ForAll @IntRange(min = 1, max = 12) int batchSize, @ForAll("millisPerBoundary") long millisPerBoundary,
            @ForAll("positions") double position, @ForAll @IntRange(min = 0, max = 3) int crashAfter) {
        BackendRuns runs = runs(script, shape, batchSize, millisPerBoundary);
        BackendRuns.Output heap = runs.uninterrupted(StateBackendFactory.HEAP);
        int at = snapshotAt(position, heap);

        List<Recorded> heapToRocks = runs.crashAndRestore(StateBackendFactory.HEAP, f -> { }, at, crashAfter,
                this::rocksDb, f -> { });
        List<Recorded> rocksToHeap = runs.crashAndRestore(rocksDb(),
                f -> f.prepareSnapshot(SnapshotKind.SAVEPOINT, null), at, crashAfter, () -> StateBackendFactory.HEAP,
                f -> { });

        assertSameResults(heapToRocks, heap.records());
        assertSameResults(rocksToHeap, heap.records());
    }

    private static void assertSameResults(List<Recorded> actual, List<Recorded> expected) {
        assertThat(EquivalencePipeline.bySinkKeyAndWindow(actual))
                .isEqualTo(EquivalencePipeline.bySinkKeyAndWindow(expected));
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static int snapshotAt(double position, BackendRuns.Output run) {
        return 1 + (int) (position * Math.max(0, run.boundaries() - 1));
    }

    private static BackendRuns runs(Script script, EquivalencePipeline.Shape shape, int batchSize, long millis) {
        return new BackendRuns(out -> EquivalencePipeline.graph(script, shape, out), batchSize, millis);
    }

    @Provide
    Arbitrary<Script> scripts() {
        return ScriptGenerators.scripts(0, true, 200, 6);
    }

    @Provide
    Arbitrary<EquivalencePipeline.Shape> shapes() {
        return EquivalencePipeline.shapes();
    }

    @Provide
    Arbitrary<Long> millisPerBoundary() {
        return Arbitraries.of(0L, 1L, 7L);
    }

    @Provide
    Arbitrary<Double> positions() {
        return Arbitraries.doubles().between(0, 1);
    }
}
