package dev.weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.window.TumblingWindows;
import dev.weir.runtime.functions.Count;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.kafka.KafkaSink;
import dev.weir.runtime.kafka.KafkaSinkConfig;
import dev.weir.runtime.kafka.KafkaSource;
import dev.weir.runtime.kafka.KafkaSourceConfig;
import dev.weir.runtime.kafka.KafkaTestSupport;
import dev.weir.runtime.operator.OperatorMetrics;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.serde.JsonSerde;
import dev.weir.runtime.task.ExactlyOncePipelines.Event;
import dev.weir.runtime.task.ExactlyOncePipelines.WindowCount;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import dev.weir.runtime.graph.PipelineOptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stop with a final checkpoint, then resume: a single task (no shuffle) over an unbounded topic is stopped while
 * windows are open; the next run restores them and, bounded this time, finishes; together the two runs' committed
 * output equals the brute-force count. Once with the input decoded ahead on the task's decoder thread (the default),
 * once on the engine thread.
 */
@Timeout(120)
class TaskStopIT {
    private final JsonSerde<Event> events = JsonSerde.of(Event.class);

    private static PipelineGraph pipeline(String name, String in, String out, boolean bounded, boolean decodeAhead) {
        Pipeline p = Pipeline.create(name).options(PipelineOptions.defaults().withDecodeAhead(decodeAhead));
        p.source("in", new KafkaSource<>(KafkaSourceConfig.builder(KafkaTestSupport.BOOTSTRAP, in, Event.class)
                        .stopAtEndOffsets(bounded).build()),
                        WatermarkStrategy.<Event>boundedOutOfOrderness(ExactlyOncePipelines.BOUND))
                .keyBy("by-key", Event::key)
                .window(TumblingWindows.of(Duration.ofMillis(ExactlyOncePipelines.WINDOW_MILLIS)))
                .aggregate("count", new Count<>())
                .map("to-count", r -> new WindowCount(r.key(), r.window().startMillis(), r.value()))
                .sink("out", new KafkaSink<>(KafkaSinkConfig.builder(KafkaTestSupport.BOOTSTRAP, out, WindowCount.class)
                        .key(WindowCount::key, String.class).build()));
        return p.graph();
    }

    @ParameterizedTest(name = "decodeAhead={0}")
    @ValueSource(booleans = {true, false})
    void aStoppedTaskCommitsWhatItConsumedAndTheNextRunContinuesExactly(boolean decodeAhead, @TempDir Path snapshots)
            throws Exception {
        try (KafkaTestSupport kafka = new KafkaTestSupport()) {
            String in = kafka.createTopic("weir-stop-in", 2);
            String out = kafka.createTopic("weir-stop-out", 1);
            List<Event> input = new ArrayList<>();
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
            List<List<Event>> parts = ExactlyOncePipelines.generate(10_000, 50, 2, 9);
            for (int p = 0; p < 2; p++) {
                for (Event e : parts.get(p)) {
                    records.add(new ProducerRecord<>(in, p, e.ts(), e.key().getBytes(StandardCharsets.UTF_8),
                            events.serialize(e)));
                    input.add(e);
                }
            }
            kafka.sendAll(records);
            String name = "stop-" + in.substring(in.lastIndexOf('-') + 1);
            TaskSettings settings = new TaskSettings(KafkaTestSupport.BOOTSTRAP, new LocalSnapshotStore(snapshots));
            TaskId task = new TaskId(name, 0, 1);

            TaskRunner first = new TaskRunner(pipeline(name, in, out, false, decodeAhead), task, settings);
            AtomicReference<Map<String, OperatorMetrics>> metrics = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    first.run(metrics::set);
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            // stop once every record was read and some windows fired (the periodic watermark passed them)
            while ((metrics.get() == null || metrics.get().get("in").recordsOut() < input.size()
                    || metrics.get().get("count").recordsOut() == 0)
                    && System.nanoTime() < deadline && failure.get() == null) {
                Thread.sleep(20);
            }
            assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .anyMatch(n -> n.startsWith("weir-decode-") && n.contains(name)))
                    .as("the task decodes on a decoder thread of its own").isEqualTo(decodeAhead);
            first.stop();
            t.join(30_000);
            assertThat(t.isAlive()).as("stopped").isFalse();
            assertThat(failure.get()).isNull();
            int afterStop = kafka.readAll(out).size();
            assertThat(afterStop).as("windows up to the watermark were committed").isPositive();
            assertThat(Files.list(snapshots.resolve(name).resolve("task-0")).count()).isPositive();

            new TaskRunner(pipeline(name, in, out, true, decodeAhead), task, settings).run();

            List<String> actual = new ArrayList<>();
            JsonSerde<WindowCount> serde = JsonSerde.of(WindowCount.class);
            for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(out)) {
                actual.add(ExactlyOncePipelines.describe(serde.deserialize(r.value())));
            }
            actual.sort(null);
            assertThat(actual.size()).as("the second run fired the windows still open at the stop")
                    .isGreaterThan(afterStop);
            assertThat(actual).isEqualTo(ExactlyOncePipelines.expectedCounts(input));
        }
    }
}
