package dev.weir.bench.kafka;

import dev.weir.api.window.TumblingWindows;
import dev.weir.runtime.functions.Count;
import dev.weir.runtime.graph.DeliveryGuarantee;
import dev.weir.runtime.graph.KeyPartitioning;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.PipelineOptions;
import dev.weir.runtime.kafka.KafkaSink;
import dev.weir.runtime.kafka.KafkaSinkConfig;
import dev.weir.runtime.kafka.KafkaSource;
import dev.weir.runtime.kafka.KafkaSourceConfig;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.checkpoint.store.S3Config;
import dev.weir.runtime.checkpoint.store.S3ObjectStore;
import dev.weir.runtime.graph.StateBackendKind;
import dev.weir.runtime.task.LocalSnapshotStore;
import dev.weir.runtime.task.S3SnapshotStore;
import dev.weir.runtime.task.SnapshotStore;
import dev.weir.runtime.task.TaskId;
import dev.weir.runtime.task.TaskRunner;
import dev.weir.runtime.task.TaskSettings;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Weir's keyed tumbling count on its distributed runtime, the same workload as {@link KafkaTumblingCount}: the
 * JSON events (deserialized with Weir's default JSON serde), key by the event key, 1 s tumbling windows of the Kafka
 * timestamp with 1 s bounded out-of-orderness (watermarks emitted every 10 ms), the built-in count, results
 * {@code {"key":…,"start":…,"count":…}} keyed by the event key with timestamp {@code end - 1}.
 *
 * <p>Each of the {@code parallelism} tasks runs in its own thread of this JVM ({@link TaskRunner}), with the
 * pipeline's delivery guarantee and checkpoint interval from the spec. The input topic is keyed by the event key, so
 * the key-by is by source partitions: each task counts the keys of the partitions it reads, like the reference, and
 * nothing is shuffled. The shuffle variant keys by hash instead: with more than one task its key-by is a shuffle
 * through an internal topic. State is on the heap with snapshots in a temporary directory, or (the RocksDB
 * variant) in RocksDB with checkpoints in the S3 store of the {@code WEIR_S3_*} environment (dev/s3.sh), uploaded
 * incrementally. {@link Running#close()} stops every task after a final checkpoint, so everything consumed is
 * committed. Each task decodes its input on a decoder thread of its own (the product default, {@code decodeAhead}),
 * or, in the engine-decode variant, on its engine thread.
 */
final class WeirTumblingCount implements Processor {
    private final StateBackendKind state;
    private final boolean decodeAhead;
    private final KeyPartitioning partitioning;

    /** Heap state, local snapshots, key-by by source partitions. */
    WeirTumblingCount() {
        this(StateBackendKind.HEAP);
    }

    /** {@code state} = ROCKSDB: RocksDB state, checkpoints in the S3 store of the environment. */
    WeirTumblingCount(StateBackendKind state) {
        this(state, true, KeyPartitioning.sourcePartitions());
    }

    /**
     * @param decodeAhead  false: each task decodes its input on its engine thread
     * @param partitioning the key-by's: by source partitions (the input topic is keyed by the event key, as the
     *                     hand-written reference relies on too), or by hash (a shuffle at parallelism > 1)
     */
    WeirTumblingCount(StateBackendKind state, boolean decodeAhead, KeyPartitioning partitioning) {
        this.state = state;
        this.decodeAhead = decodeAhead;
        this.partitioning = partitioning;
    }

    /** The input event as JSON. */
    record BenchEvent(String key, long ts, long seq, String pad) {
    }

    /** The result, as the reference writes it. */
    record KeyCount(String key, long start, long count) {
    }

    static PipelineGraph pipeline(ProcessorSpec spec, Progress progress, StateBackendKind state, boolean decodeAhead,
                                  KeyPartitioning partitioning) {
        PipelineOptions options = PipelineOptions.defaults().withStateBackend(state).withDecodeAhead(decodeAhead)
                .withDeliveryGuarantee(spec.mode() == DeliveryMode.EXACTLY_ONCE
                        ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE)
                .withCheckpointInterval(spec.commitInterval());
        Pipeline p = Pipeline.create("bench-" + spec.runId()).options(options);
        p.source("events", new KafkaSource<>(KafkaSourceConfig.builder(spec.bootstrap(), spec.inputTopic(),
                                BenchEvent.class).build()),
                        WatermarkStrategy.<BenchEvent>boundedOutOfOrderness(KafkaTumblingCount.BOUND)
                                .withPeriodicEmission(Duration.ofMillis(10)))
                .map("consumed", e -> {
                    progress.consumed(1);
                    return e;
                })
                .keyBy("by-key", BenchEvent::key, partitioning)
                .window(TumblingWindows.of(KafkaTumblingCount.WINDOW))
                .aggregate("count", new Count<>())
                .map("to-result", r -> new KeyCount(r.key(), r.window().startMillis(), r.value()))
                .sink("results", new KafkaSink<>(KafkaSinkConfig.builder(spec.bootstrap(), spec.outputTopic(),
                        KeyCount.class).key(KeyCount::key, String.class).build()));
        return p.graph();
    }

    @Override
    public Running start(ProcessorSpec spec, Progress progress) throws Exception {
        PipelineGraph graph = pipeline(spec, progress, state, decodeAhead, partitioning);
        Path snapshots = Files.createTempDirectory("weir-bench-snapshots");
        SnapshotStore store = state == StateBackendKind.HEAP ? new LocalSnapshotStore(snapshots)
                : new S3SnapshotStore(new S3ObjectStore(S3Config.fromEnvironment(System.getenv()).orElseThrow(
                        () -> new IllegalStateException(S3Config.ENDPOINT + " is not set: start dev/s3.sh and export "
                                + "its settings (eval \"$(dev/s3.sh env)\")"))));
        List<TaskRunner> tasks = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(spec.parallelism());
        for (int i = 0; i < spec.parallelism(); i++) {
            TaskRunner task = new TaskRunner(graph, new TaskId(graph.name(), i, spec.parallelism()),
                    new TaskSettings(spec.bootstrap(), store, java.util.Map.of(), snapshots.resolve("local")));
            tasks.add(task);
            Thread t = new Thread(() -> {
                try {
                    task.run(metrics -> started.countDown());
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    started.countDown();
                }
            }, "weir-task-" + i);
            threads.add(t);
            t.start();
        }
        if (!started.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Weir tasks did not start within 60 s");
        }
        return new Running() {
            @Override
            public void close() throws Exception {
                tasks.forEach(TaskRunner::stop);
                for (Thread t : threads) {
                    t.join(TimeUnit.SECONDS.toMillis(60));
                }
                if (failure.get() != null) {
                    throw new IllegalStateException("a Weir task failed: " + failure.get(), failure.get());
                }
            }

            @Override
            public Throwable failure() {
                return failure.get();
            }
        };
    }

    /** At most one result per input; open windows do not fire when the tasks stop. */
    @Override
    public OutputCheck expectedOutputs(long inputs, DeliveryMode mode) {
        return new OutputCheck(0, inputs, "<= input");
    }

    /** A window result can be emitted only once an input stamped {@code end - 1 + bound} has arrived. */
    @Override
    public Duration latencyAllowance() {
        return KafkaTumblingCount.BOUND;
    }
}
