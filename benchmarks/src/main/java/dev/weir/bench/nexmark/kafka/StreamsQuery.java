package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.nexmark.NexmarkQuery;
import dev.weir.bench.nexmark.kafka.streams.NexmarkTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;

/**
 * A Nexmark query as a real {@link KafkaStreams} application ({@link NexmarkTopology}): one stream thread,
 * {@code processing.guarantee} {@code exactly_once_v2} or {@code at_least_once}, commit interval
 * {@link WeirKafkaQuery#CHECKPOINT_INTERVAL}, in-memory state stores (changelogged, as Kafka Streams always does;
 * Weir and Flink keep heap state too); otherwise Kafka Streams' defaults (record cache on). The same JSON in and out
 * as Weir. Windows close on stream time, which the {@link EndOfInput} marks advance at the end of the input.
 */
final class StreamsQuery {
    private StreamsQuery() {
    }

    static boolean supports(NexmarkQuery query) {
        return NexmarkTopology.supports(query);
    }

    static KafkaEngine.Running start(NexmarkQuery query, Delivery delivery, String bootstrap, String input,
                                     String output, ConsumedCounter counter) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, output + "-app");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                delivery == Delivery.EOS ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, WeirKafkaQuery.CHECKPOINT_INTERVAL.toMillis());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG, BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("nexmark-streams").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CountDownLatch endReached = new CountDownLatch(1);
        KafkaStreams streams = new KafkaStreams(NexmarkTopology.build(query, input, output, counter::consumed,
                endReached::countDown), props);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        streams.setUncaughtExceptionHandler(e -> {
            failure.set(e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        return () -> {
            boolean all = counter.awaitAll(10, TimeUnit.MINUTES);
            // the last stage reads a repartition topic, behind the input; then closing commits (flushing caches)
            boolean end = all && awaitEnd(endReached, failure);
            streams.close(Duration.ofMinutes(1));
            streams.cleanUp();
            if (failure.get() != null) {
                throw new IllegalStateException("Kafka Streams failed: " + failure.get(), failure.get());
            }
            if (!all) {
                throw new IllegalStateException("Kafka Streams consumed " + counter.count() + " records in 10 min");
            }
            if (!end) {
                throw new IllegalStateException("no end-of-input mark reached Kafka Streams' last stage in 10 min");
            }
        };
    }

    /** Waits for the end mark at the last stage, unless the application failed; false on timeout. */
    private static boolean awaitEnd(CountDownLatch endReached, AtomicReference<Throwable> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (failure.get() == null && System.nanoTime() < deadline) {
            if (endReached.await(100, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }
}
