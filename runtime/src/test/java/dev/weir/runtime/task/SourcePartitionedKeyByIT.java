package dev.weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.function.OutputTag;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.WindowResult;
import dev.weir.runtime.functions.Count;
import dev.weir.runtime.graph.ErrorPolicy;
import dev.weir.runtime.graph.KeyPartitioning;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.PipelineOptions;
import dev.weir.runtime.kafka.KafkaSink;
import dev.weir.runtime.kafka.KafkaSinkConfig;
import dev.weir.runtime.kafka.KafkaSource;
import dev.weir.runtime.kafka.KafkaSourceConfig;
import dev.weir.runtime.kafka.KafkaTestSupport;
import dev.weir.runtime.operator.DeadLetter;
import dev.weir.runtime.operator.OperatorMetrics;
import dev.weir.runtime.pipeline.DataStream;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.serde.JsonSerde;
import dev.weir.runtime.state.KafkaPartitionKeyGroups;
import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyOutsideKeyGroupsException;
import dev.weir.runtime.task.ExactlyOncePipelines.Event;
import dev.weir.runtime.task.ExactlyOncePipelines.WindowCount;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key-by by source partitions on the real broker, with tasks as threads: which partitions each task reads, that
 * their counts are exact without a shuffle, and what happens to a record its producer put in the wrong partition.
 */
@Timeout(120)
class SourcePartitionedKeyByIT {
    private static final int PARTITIONS = 4;
    private final JsonSerde<Event> events = JsonSerde.of(Event.class);
    private final KafkaPartitionKeyGroups keyGroups = new KafkaPartitionKeyGroups(128, PARTITIONS,
            k -> String.valueOf(k).getBytes(StandardCharsets.UTF_8));

    private static PipelineGraph pipeline(String name, String in, String out) {
        return ExactlyOncePipelines.windowCount(name, PipelineOptions.defaults(), KafkaTestSupport.BOOTSTRAP, in, null,
                out, 0, true, KeyPartitioning.sourcePartitions());
    }

    @Test
    void twoTasksEachReadThePartitionsOfTheirKeyGroupsAndCountExactlyWithoutAShuffle(@TempDir Path snapshots)
            throws Exception {
        try (KafkaTestSupport kafka = new KafkaTestSupport()) {
            String in = kafka.createTopic("weir-bykey-in", PARTITIONS);
            String out = kafka.createTopic("weir-bykey-out", 2);
            List<Event> input = ExactlyOncePipelines.produceByKey(kafka, in, PARTITIONS, 8_000, 100, 3, 0);
            long[] perPartition = new long[PARTITIONS];
            for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(in)) {
                assertThat(r.partition()).as("the producer's default partitioner")
                        .isEqualTo(keyGroups.partitionOf(new String(r.key(), StandardCharsets.UTF_8)));
                perPartition[r.partition()]++;
            }
            String name = "bykey-" + in.substring(in.lastIndexOf('-') + 1);
            TaskSettings settings = new TaskSettings(KafkaTestSupport.BOOTSTRAP, new LocalSnapshotStore(snapshots));
            List<AtomicReference<Map<String, OperatorMetrics>>> metrics = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int i = 0; i < 2; i++) {
                TaskRunner task = new TaskRunner(pipeline(name, in, out), new TaskId(name, i, 2), settings);
                AtomicReference<Map<String, OperatorMetrics>> m = new AtomicReference<>();
                metrics.add(m);
                Thread t = new Thread(() -> {
                    try {
                        task.run(m::set);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join(90_000);
            }
            assertThat(failure.get()).isNull();

            // key groups 0-63 are task 0's: partitions 0 and 1 (key groups 0 and 32); 2 and 3 (64, 96) are task 1's
            assertThat(metrics.get(0).get().get("in").recordsOut()).isEqualTo(perPartition[0] + perPartition[1]);
            assertThat(metrics.get(1).get().get("in").recordsOut()).isEqualTo(perPartition[2] + perPartition[3]);
            assertThat(kafka.admin.listTopics().names().get().stream().filter(t -> t.startsWith("weir." + name)))
                    .as("shuffle topics").isEmpty();
            List<String> actual = ExactlyOncePipelines.committedCounts(kafka, out);
            assertThat(actual).isEqualTo(ExactlyOncePipelines.expectedCounts(input));
        }
    }

    @Test
    void aRecordInAPartitionItsKeyDoesNotBelongToFailsTheTaskSayingSo(@TempDir Path snapshots) throws Exception {
        try (KafkaTestSupport kafka = new KafkaTestSupport()) {
            String in = kafka.createTopic("weir-bykey-wrong-in", PARTITIONS);
            String out = kafka.createTopic("weir-bykey-wrong-out", 1);
            String stray = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "k" + i)
                    .filter(k -> keyGroups.partitionOf(k) == 3).findFirst().orElseThrow();
            Event e = new Event(stray, ExactlyOncePipelines.BASE, 0);
            kafka.sendAll(List.of(new ProducerRecord<>(in, 0, e.ts(), stray.getBytes(StandardCharsets.UTF_8),
                    events.serialize(e))));
            String name = "bykey-wrong-" + in.substring(in.lastIndexOf('-') + 1);
            TaskSettings settings = new TaskSettings(KafkaTestSupport.BOOTSTRAP, new LocalSnapshotStore(snapshots));

            Throwable failure = null;
            try {
                new TaskRunner(pipeline(name, in, out), new TaskId(name, 0, 2), settings).run();
            } catch (Exception ex) {
                failure = ex;
            }

            assertThat(failure).as("task 0 of 2 reads partition 0, but the key belongs to partition 3").isNotNull();
            Throwable cause = failure;
            while (cause != null && !(cause instanceof KeyOutsideKeyGroupsException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("cause of %s", failure.toString()).isInstanceOf(KeyOutsideKeyGroupsException.class);
            assertThat(cause.getMessage()).isEqualTo("key " + stray + " belongs to source partition 3 of 4 (Kafka's "
                    + "default partitioner), key group 96, outside this task's key groups " + new KeyGroupRange(0, 63)
                    + ": the record came from a partition this task reads, so the topic is not partitioned by this key "
                    + "with Kafka's default partitioner (use a key-by with hash partitioning, which shuffles)");
        }
    }

    @Test
    void underTheDeadLetterPolicyAStrayRecordIsDeadLetteredWithTheReasonAndTheRestIsCounted(@TempDir Path snapshots)
            throws Exception {
        try (KafkaTestSupport kafka = new KafkaTestSupport()) {
            String in = kafka.createTopic("weir-bykey-dlq-in", PARTITIONS);
            String out = kafka.createTopic("weir-bykey-dlq-out", 1);
            String dlq = kafka.createTopic("weir-bykey-dlq-dead", 1);
            List<Event> input = ExactlyOncePipelines.produceByKey(kafka, in, PARTITIONS, 2_000, 40, 5, 0);
            String stray = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "k" + i)
                    .filter(k -> keyGroups.partitionOf(k) == 3).findFirst().orElseThrow();
            Event e = new Event(stray, ExactlyOncePipelines.BASE + 100, -1);
            kafka.sendAll(List.of(new ProducerRecord<>(in, 0, e.ts(), stray.getBytes(StandardCharsets.UTF_8),
                    events.serialize(e))));
            String name = "bykey-dlq-" + in.substring(in.lastIndexOf('-') + 1);
            Pipeline p = Pipeline.create(name).options(PipelineOptions.defaults()
                    .withErrorPolicy(ErrorPolicy.DEAD_LETTER));
            DataStream<WindowResult<String, Long>> counts = p.source("in", new KafkaSource<>(KafkaSourceConfig
                                    .builder(KafkaTestSupport.BOOTSTRAP, in, Event.class).stopAtEndOffsets(true).build()),
                            WatermarkStrategy.<Event>boundedOutOfOrderness(ExactlyOncePipelines.BOUND))
                    .keyBy("by-key", Event::key, KeyPartitioning.sourcePartitions())
                    .window(TumblingWindows.of(Duration.ofMillis(ExactlyOncePipelines.WINDOW_MILLIS)))
                    .aggregate("count", new Count<>());
            counts.map("to-count", r -> new WindowCount(r.key(), r.window().startMillis(), r.value()))
                    .sink("out", new KafkaSink<>(KafkaSinkConfig.builder(KafkaTestSupport.BOOTSTRAP, out,
                            WindowCount.class).build()));
            counts.sideOutput(OutputTag.of(ErrorPolicy.DEAD_LETTER_OUTPUT, DeadLetter.class))
                    .sink("dead", new KafkaSink<>(KafkaSinkConfig.builder(KafkaTestSupport.BOOTSTRAP, dlq,
                            DeadLetter.class).build()));
            TaskSettings settings = new TaskSettings(KafkaTestSupport.BOOTSTRAP, new LocalSnapshotStore(snapshots));

            new TaskRunner(p.graph(), new TaskId(name, 0, 2), settings).run();

            List<ConsumerRecord<byte[], byte[]>> dead = kafka.readAll(dlq);
            assertThat(dead).hasSize(1);
            String letter = new String(dead.get(0).value(), StandardCharsets.UTF_8);
            assertThat(letter).contains("\"operator\":\"count\"", "\"key\":\"" + stray + "\"",
                    KeyOutsideKeyGroupsException.class.getName(), "belongs to source partition 3 of 4");
            List<Event> mine = input.stream().filter(ev -> keyGroups.partitionOf(ev.key()) < 2).toList();
            List<String> actual = ExactlyOncePipelines.committedCounts(kafka, out);
            assertThat(actual).as("the counts of task 0's partitions 0 and 1, without the stray record")
                    .isEqualTo(ExactlyOncePipelines.expectedCounts(mine));
        }
    }
}
