package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.nexmark.AuctionPrice;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.NexmarkQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The stateless Nexmark queries (q0–q2) as a real {@link KafkaStreams} application: one stream thread,
 * {@code processing.guarantee} {@code exactly_once_v2} or {@code at_least_once}, commit interval
 * {@link WeirKafkaQuery#CHECKPOINT_INTERVAL}; otherwise Kafka Streams' defaults. The same JSON in and out as Weir.
 * The windowed and joined queries are not written for Kafka Streams yet.
 */
final class StreamsQuery {
    private StreamsQuery() {
    }

    static boolean supports(NexmarkQuery query) {
        return query == NexmarkQuery.Q0 || query == NexmarkQuery.Q1 || query == NexmarkQuery.Q2;
    }

    static KafkaEngine.Running start(NexmarkQuery query, Delivery delivery, String bootstrap, String input,
                                     String output, ConsumedCounter counter) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], Bid> bids = builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .peek((k, v) -> counter.consumed())
                .mapValues(v -> Json.read(v, EventEnvelope.class).bid())
                .filter((k, bid) -> bid != null);
        KStream<byte[], ?> rows = switch (query) {
            case Q0 -> bids;
            case Q1 -> bids.mapValues(b -> b.withPrice(NexmarkQuery.toEuroCents(b.price())));
            case Q2 -> bids.filter((k, b) -> b.auction() % NexmarkQuery.Q2_AUCTION_MODULUS == 0)
                    .mapValues(b -> new AuctionPrice(b.auction(), b.price()));
            default -> throw new IllegalArgumentException(query + " is not written for Kafka Streams");
        };
        rows.mapValues(Json::write).to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, output + "-app");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                delivery == Delivery.EOS ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, WeirKafkaQuery.CHECKPOINT_INTERVAL.toMillis());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("nexmark-streams").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        streams.setUncaughtExceptionHandler(e -> {
            failure.set(e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .SHUTDOWN_CLIENT;
        });
        streams.start();
        return () -> {
            boolean all = counter.awaitAll(10, TimeUnit.MINUTES);
            streams.close(Duration.ofMinutes(1));
            streams.cleanUp();
            if (failure.get() != null) {
                throw new IllegalStateException("Kafka Streams failed: " + failure.get(), failure.get());
            }
            if (!all) {
                throw new IllegalStateException("Kafka Streams consumed " + counter.count() + " records in 10 min");
            }
        };
    }
}
