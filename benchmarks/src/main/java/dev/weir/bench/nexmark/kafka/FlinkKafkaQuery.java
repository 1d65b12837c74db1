package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.nexmark.Event;
import dev.weir.bench.nexmark.NexmarkQuery;
import dev.weir.bench.nexmark.ResultRow;
import dev.weir.bench.nexmark.flink.FlinkQueries;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Nexmark query on Flink through Kafka: {@code flink-connector-kafka}'s {@link KafkaSource}, bounded at the input
 * topic's end offsets (so every window fires at the end), the same operators as in-process, rows as JSON through
 * {@link KafkaSink}; parallelism 1, checkpoints every {@link WeirKafkaQuery#CHECKPOINT_INTERVAL} (the sink commits its
 * transactions (EOS) or flushes (ALO) on checkpoints; the final checkpoint after the input ends commits the rest),
 * heap state with checkpoints to a temporary directory, no restarts.
 */
final class FlinkKafkaQuery {
    /** The counters of the running jobs, by output topic: Flink runs deserialized copies of the functions. */
    private static final ConcurrentMap<String, ConsumedCounter> COUNTERS = new ConcurrentHashMap<>();

    private FlinkKafkaQuery() {
    }

    static KafkaEngine.Running start(NexmarkQuery query, Delivery delivery, String bootstrap, String input,
                                     String output, ConsumedCounter counter, KafkaEngine.InputEnd end) {
        COUNTERS.put(output, counter);
        Configuration conf = new Configuration();
        // fail the run instead of restarting forever (the default once checkpointing is on)
        conf.setString("restart-strategy.type", "none");
        // checkpoints to local files, as Weir's snapshots (the default, the job manager's heap, caps state at 5 MB)
        conf.setString("execution.checkpointing.storage", "filesystem");
        conf.setString("execution.checkpointing.dir", checkpointDirectory());
        StreamExecutionEnvironment env = FlinkQueries.environment(conf);
        env.enableCheckpointing(WeirKafkaQuery.CHECKPOINT_INTERVAL.toMillis());
        var sourceBuilder = KafkaSource.<EventEnvelope>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(input)
                .setGroupId(output + "-flink")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(new EnvelopeJson());
        if (end == KafkaEngine.InputEnd.END_OFFSETS) {
            sourceBuilder.setBounded(OffsetsInitializer.latest());
        }
        KafkaSource<EventEnvelope> source = sourceBuilder.build();
        DataStream<Event> events = env.fromSource(source, WatermarkStrategy
                        .<EventEnvelope>forBoundedOutOfOrderness(NexmarkQuery.OUT_OF_ORDERNESS)
                        .withTimestampAssigner((e, ts) -> e.timeMillis()), "input")
                // end-of-input marks only advance the watermark (above)
                .filter(new EventsOnly())
                .map(new Unwrap(output)).returns(TypeInformation.of(Event.class));
        KafkaSink<ResultRow> sink = KafkaSink.<ResultRow>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(KafkaRecordSerializationSchema.builder().setTopic(output)
                        .setValueSerializationSchema(new RowJson()).build())
                .setDeliveryGuarantee(delivery == Delivery.EOS ? DeliveryGuarantee.EXACTLY_ONCE
                        : DeliveryGuarantee.AT_LEAST_ONCE)
                .setTransactionalIdPrefix(output)
                // below the broker's transaction.max.timeout.ms (15 min); Flink's default is 1 h
                .setProperty("transaction.timeout.ms", "600000")
                .build();
        FlinkQueries.rows(query, events).sinkTo(sink).name("output");
        if (end == KafkaEngine.InputEnd.NONE) {
            return unbounded(env, query, output);
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread job = new Thread(() -> {
            try {
                env.execute("nexmark-kafka-" + query.id());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "flink-nexmark-job");
        job.start();
        return () -> {
            try {
                job.join(TimeUnit.MINUTES.toMillis(10));
                if (job.isAlive()) {
                    throw new IllegalStateException("the Flink job did not finish within 10 min");
                }
                if (failure.get() != null) {
                    throw new IllegalStateException("the Flink job failed: " + failure.get(), failure.get());
                }
            } finally {
                COUNTERS.remove(output);
            }
        };
    }

    /** Runs the job on an unbounded source; closing cancels it. */
    private static KafkaEngine.Running unbounded(StreamExecutionEnvironment env, NexmarkQuery query, String output) {
        org.apache.flink.core.execution.JobClient client;
        try {
            client = env.executeAsync("nexmark-kafka-" + query.id());
        } catch (Exception e) {
            COUNTERS.remove(output);
            throw new IllegalStateException("the Flink job did not start: " + e, e);
        }
        return () -> {
            try {
                var status = client.getJobStatus().get(1, TimeUnit.MINUTES);
                if (status.isGloballyTerminalState()) {
                    client.getJobExecutionResult().get(1, TimeUnit.MINUTES);
                    throw new IllegalStateException("the Flink job ended on an unbounded input: " + status);
                }
                client.cancel().get(1, TimeUnit.MINUTES);
            } finally {
                COUNTERS.remove(output);
            }
        };
    }

    private static String checkpointDirectory() {
        try {
            return java.nio.file.Files.createTempDirectory("nexmark-flink-checkpoints").toUri().toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Input JSON to envelopes. */
    private static final class EnvelopeJson implements DeserializationSchema<EventEnvelope> {
        private static final long serialVersionUID = 1L;

        @Override
        public EventEnvelope deserialize(byte[] message) {
            return Json.read(message, EventEnvelope.class);
        }

        @Override
        public boolean isEndOfStream(EventEnvelope next) {
            return false;
        }

        @Override
        public TypeInformation<EventEnvelope> getProducedType() {
            return TypeInformation.of(EventEnvelope.class);
        }
    }

    /** Rows to JSON (a named class: Flink's lineage extraction cannot type a lambda). */
    private static final class RowJson implements SerializationSchema<ResultRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(ResultRow row) {
            return Json.write(row);
        }
    }

    /** Drops {@link EndOfInput} marks (a named class, as {@link RowJson}). */
    private static final class EventsOnly implements org.apache.flink.api.common.functions.FilterFunction<EventEnvelope> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(EventEnvelope e) {
            return !e.isEndMark();
        }
    }

    /** Counts each consumed record for the harness and unwraps the event. */
    private record Unwrap(String output) implements MapFunction<EventEnvelope, Event> {
        @Override
        public Event map(EventEnvelope e) {
            COUNTERS.get(output).consumed();
            return e.event();
        }
    }
}
