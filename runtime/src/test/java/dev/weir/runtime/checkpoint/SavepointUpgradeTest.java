package dev.weir.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.event.Event;
import dev.weir.api.function.KeyedFunction;
import dev.weir.runtime.engine.EngineRun;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.PipelineOptions;
import dev.weir.runtime.graph.StateBackendKind;
import dev.weir.runtime.operator.PipelineFailedException;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.sink.CollectSink;
import dev.weir.runtime.source.CollectionSource;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.source.SourceReader;
import dev.weir.runtime.spec.TestFunctionJar;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.SavepointFormat;
import dev.weir.runtime.state.StateBackendFactory;
import dev.weir.runtime.state.StateBackends;
import dev.weir.runtime.time.Clock;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A savepoint restores into an <em>upgraded</em> function, whose state class gained a field, and into a run of
 * another parallelism: version 1 of a counting function runs as two tasks (each owning half of the key groups) and
 * stops with a savepoint mid-stream; version 2, compiled into another class loader with the same class names, resumes
 * as one task from both parts. Counts continue exactly; the added field has the value its class initializes it to.
 * Both savepoint formats: canonical (objects) and native (RocksDB files copied raw: the values' bytes must be
 * evolvable themselves; the heap backend writes its canonical form either way).
 */
class SavepointUpgradeTest {
    private static final String V1 = """
            package evo;
            import dev.weir.api.function.*;
            import dev.weir.api.state.*;
            public class Tally implements KeyedFunction<String, String, String> {
                public static class Count { long n; }
                @Override
                public void process(String in, KeyedContext<String> ctx, Collector<String> out) {
                    ValueState<Count> s = ctx.state().value(ValueStateDescriptor.of("count", Count.class));
                    Count c = s.valueOr(new Count());
                    c.n++;
                    s.update(c);
                    out.emit(ctx.currentKey() + "=" + c.n);
                }
            }
            """;
    /** Count gains {@code since}, initialized to "v1" for state written before it existed and "v2" for new keys. */
    private static final String V2 = """
            package evo;
            import dev.weir.api.function.*;
            import dev.weir.api.state.*;
            public class Tally implements KeyedFunction<String, String, String> {
                public static class Count { long n; String since = "v1"; }
                @Override
                public void process(String in, KeyedContext<String> ctx, Collector<String> out) {
                    ValueState<Count> s = ctx.state().value(ValueStateDescriptor.of("count", Count.class));
                    Count c = s.value();
                    if (c == null) {
                        c = new Count();
                        c.since = "v2";
                    }
                    c.n++;
                    s.update(c);
                    out.emit(ctx.currentKey() + "=" + c.n + "/" + c.since);
                }
            }
            """;
    private static final int KEYS = 40;
    private static final int EVENTS = 400;

    @TempDir
    Path dir;

    private static List<Event<Void, String>> input() {
        List<Event<Void, String>> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(Event.of("k" + (i * 7 % KEYS), 1_000L + i));
        }
        return events;
    }

    private ClassLoader version(String name, String source) throws Exception {
        Path jar = TestFunctionJar.build(dir.resolve(name), "evo/Tally.java", source);
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
    }

    @SuppressWarnings("unchecked")
    private static PipelineGraph graph(ClassLoader functions, Source<String> source, CollectSink<String> out,
                                       StateBackendKind backend) throws Exception {
        KeyedFunction<String, String, String> tally = (KeyedFunction<String, String, String>)
                functions.loadClass("evo.Tally").getConstructor().newInstance();
        Pipeline p = Pipeline.create("tally").options(PipelineOptions.defaults().withStateBackend(backend));
        p.source("in", source, WatermarkStrategy.<String>monotonous())
                .keyBy("by-value", v -> v)
                .process("tally", tally)
                .sink("out", out);
        return p.graph();
    }

    /** Task {@code task}'s share of {@code source}: its partition {@code task} alone, under that partition's id. */
    private static Source<String> partitionOf(Source<String> source, int task) {
        return new Source<>() {
            @Override
            public int partitions() {
                return 1;
            }

            @Override
            public SourceReader<String> createReader(int partition) {
                return source.createReader(task);
            }

            @Override
            public int partitionId(int partition) {
                return task;
            }

            @Override
            public Class<String> type() {
                return String.class;
            }
        };
    }

    /** Runs {@code graph} on the calling thread with {@code functions} as context class loader. */
    private static void run(ClassLoader functions, PipelineGraph graph, EngineRun run) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(functions);
        try {
            new LocalEngine(Clock.system(), 16).run(graph, run);
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /**
     * Takes a savepoint after {@code boundaries} batches (sources suspended first), then ends the run; a native one
     * puts its files under {@code nativeFiles}.
     */
    private static final class StopWithSavepoint implements CheckpointCoordinator {
        static final class Stopped extends RuntimeException {
        }

        private final int boundaries;
        private final StateBackendFactory backends;
        private final SavepointFormat format;
        private final Path nativeFiles;
        private int seen;
        byte[] savepoint;

        StopWithSavepoint(int boundaries, StateBackendFactory backends, SavepointFormat format, Path nativeFiles) {
            this.boundaries = boundaries;
            this.backends = backends;
            this.format = format;
            this.nativeFiles = nativeFiles;
        }

        @Override
        public void onBatchBoundary(long nowMillis, Checkpointer checkpointer) {
            if (++seen == boundaries) {
                checkpointer.suspendSources();
                backends.prepareSavepoint(format, nativeFiles);
                savepoint = checkpointer.savepoint();
                throw new Stopped();
            }
        }

        @Override
        public void onEndOfInput(Checkpointer checkpointer) {
            throw new AssertionError("the input ended before the savepoint");
        }
    }

    /** The state backends of one run, in a directory of their own. */
    private StateBackendFactory backends(StateBackendKind kind, String run, ClassLoader functions) {
        return StateBackends.create(kind, dir.resolve("state-" + run), functions);
    }

    @ParameterizedTest
    @CsvSource({"HEAP, CANONICAL", "HEAP, NATIVE", "ROCKSDB, CANONICAL", "ROCKSDB, NATIVE"})
    void twoTasksOfVersionOneResumeAsOneTaskOfVersionTwoWithTheNewFieldDefaulted(StateBackendKind backend,
                                                                                 SavepointFormat format)
            throws Exception {
        ClassLoader v1 = version("v1", V1);
        ClassLoader v2 = version("v2", V2);
        int n = KeyGroups.DEFAULT_NUMBER;
        // Partition t holds the keys of task t's key groups, so each task's keyed operator sees only its own keys
        // without a shuffle (as the shuffle would arrange).
        List<List<Event<Void, String>>> partitions = List.of(new ArrayList<>(), new ArrayList<>());
        for (Event<Void, String> e : input()) {
            partitions.get(KeyGroups.taskOf(KeyGroups.of(e.value(), n), n, 2)).add(e);
        }
        List<byte[]> parts = new ArrayList<>();
        Map<String, Long> countsBefore = new HashMap<>();
        List<Event<Void, String>> rest = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int task = t;
            CollectSink<String> out = new CollectSink<>();
            StateBackendFactory backends = backends(backend, "v1-" + task, v1);
            Path files = dir.resolve("savepoint-files/part-" + task);
            StopWithSavepoint stop = new StopWithSavepoint(5, backends, format, files);
            PipelineGraph g = graph(v1, partitionOf(CollectionSource.ofPartitions(String.class, partitions), task), out,
                    backend);
            assertThatThrownBy(() -> run(v1, g, EngineRun.defaults().withCoordinator(stop).withStateBackends(backends)
                    .withKeyGroups(KeyGroups.rangeOf(n, 2, task))))
                    .isInstanceOf(PipelineFailedException.class).hasCauseInstanceOf(StopWithSavepoint.Stopped.class);
            parts.add(stop.savepoint);
            for (String emitted : out.values()) {
                String[] kv = emitted.split("=");
                countsBefore.put(kv[0], Long.parseLong(kv[1]));
            }
            List<Event<Void, String>> mine = partitions.get(task);
            assertThat(out.values().size()).as("task %d stopped mid-stream", task).isBetween(1, mine.size() - 1);
            rest.addAll(mine.subList(out.values().size(), mine.size())); // one output per input
        }

        assertThat(Files.exists(dir.resolve("savepoint-files")))
                .as("native files exist for a native savepoint of RocksDB state only")
                .isEqualTo(backend == StateBackendKind.ROCKSDB && format == SavepointFormat.NATIVE);
        CollectSink<String> out = new CollectSink<>();
        StateBackendFactory backends = backends(backend, "v2", v2);
        backends.restoreSavepointFiles(List.of(dir.resolve("savepoint-files/part-0"),
                dir.resolve("savepoint-files/part-1")));
        run(v2, graph(v2, CollectionSource.ofPartitions(String.class, partitions), out, backend),
                EngineRun.defaults().withSavepoint(parts).withStateBackends(backends));

        Map<String, Long> counts = new HashMap<>(countsBefore);
        List<String> expected = new ArrayList<>();
        for (Event<Void, String> e : rest) {
            long c = counts.merge(e.value(), 1L, Long::sum);
            expected.add(e.value() + "=" + c + "/" + (countsBefore.containsKey(e.value()) ? "v1" : "v2"));
        }
        expected.sort(null);
        List<String> actual = new ArrayList<>(out.values());
        actual.sort(null);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).anyMatch(s -> s.endsWith("/v1"));
    }
}
