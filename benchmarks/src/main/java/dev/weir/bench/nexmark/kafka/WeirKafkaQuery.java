package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.nexmark.Event;
import dev.weir.bench.nexmark.NexmarkQuery;
import dev.weir.bench.nexmark.ResultRow;
import dev.weir.bench.nexmark.weir.WeirQueries;
import dev.weir.runtime.graph.DeliveryGuarantee;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.PipelineOptions;
import dev.weir.runtime.kafka.KafkaSink;
import dev.weir.runtime.kafka.KafkaSinkConfig;
import dev.weir.runtime.kafka.KafkaSource;
import dev.weir.runtime.kafka.KafkaSourceConfig;
import dev.weir.runtime.pipeline.DataStream;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.task.LocalSnapshotStore;
import dev.weir.runtime.task.TaskId;
import dev.weir.runtime.task.TaskRunner;
import dev.weir.runtime.task.TaskSettings;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Nexmark query on Weir's task runtime: one task ({@link TaskRunner}) reading the input topic to its end offsets
 * (a bounded source, so every window fires at the end), the same pipeline as in-process after the source, rows
 * written as JSON to the output topic; heap state, snapshots to a temporary directory every
 * {@link #CHECKPOINT_INTERVAL} (with the Kafka commit or transaction).
 */
final class WeirKafkaQuery {
    /** Checkpoint (ALO: offset commit; EOS: transaction) interval; Kafka Streams gets the same commit interval. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(100);

    private WeirKafkaQuery() {
    }

    static PipelineGraph graph(NexmarkQuery query, Delivery delivery, String bootstrap, String input, String output,
                               ConsumedCounter counter, String runId, KafkaEngine.InputEnd end) {
        PipelineOptions options = PipelineOptions.defaults()
                .withDeliveryGuarantee(delivery == Delivery.EOS ? DeliveryGuarantee.EXACTLY_ONCE
                        : DeliveryGuarantee.AT_LEAST_ONCE)
                .withCheckpointInterval(CHECKPOINT_INTERVAL);
        Pipeline p = Pipeline.create(runId).options(options);
        DataStream<Event> events = p.source("input", new KafkaSource<>(KafkaSourceConfig
                                .builder(bootstrap, input, Json.serde(EventEnvelope.class)).stopAtEndOffsets(end == KafkaEngine.InputEnd.END_OFFSETS).build()),
                        WatermarkStrategy.<EventEnvelope>boundedOutOfOrderness(NexmarkQuery.OUT_OF_ORDERNESS)
                                .withTimestampAssigner((e, sourceTimestamp) -> e.timeMillis()))
                // end-of-input marks only advance the watermark (above)
                .filter("events-only", e -> !e.isEndMark())
                .map("events", e -> {
                    counter.consumed();
                    return e.event();
                });
        WeirQueries.widen(WeirQueries.rows(query, events))
                .sink("output", new KafkaSink<>(KafkaSinkConfig.builder(bootstrap, output, Json.serde(ResultRow.class))
                        .build()));
        return p.graph();
    }

    static KafkaEngine.Running start(NexmarkQuery query, Delivery delivery, String bootstrap, String input,
                                     String output, ConsumedCounter counter, KafkaEngine.InputEnd end)
            throws Exception {
        String runId = output.replace('.', '-');
        PipelineGraph graph = graph(query, delivery, bootstrap, input, output, counter, runId, end);
        Path snapshots = Files.createTempDirectory("nexmark-weir-snapshots");
        TaskRunner task = new TaskRunner(graph, new TaskId(graph.name(), 0, 1),
                new TaskSettings(bootstrap, new LocalSnapshotStore(snapshots), Map.of(), snapshots.resolve("local")));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "weir-nexmark-task");
        thread.start();
        return () -> {
            if (end == KafkaEngine.InputEnd.NONE) {
                task.stop();
            }
            thread.join(TimeUnit.MINUTES.toMillis(10));
            if (thread.isAlive()) {
                task.stop();
                thread.join(TimeUnit.SECONDS.toMillis(60));
                throw new IllegalStateException("the Weir task did not reach the end of its input within 10 min");
            }
            if (failure.get() != null) {
                throw new IllegalStateException("the Weir task failed: " + failure.get(), failure.get());
            }
        };
    }
}
