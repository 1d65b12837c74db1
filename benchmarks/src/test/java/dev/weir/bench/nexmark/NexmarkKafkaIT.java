package dev.weir.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.kafka.KafkaClients;
import dev.weir.bench.nexmark.kafka.Delivery;
import dev.weir.bench.nexmark.kafka.EndOfInput;
import dev.weir.bench.nexmark.kafka.LatencyAttribution;
import dev.weir.bench.nexmark.kafka.LatencyRecord;
import dev.weir.bench.nexmark.kafka.LatencyRun;
import dev.weir.bench.nexmark.kafka.KafkaEngine;
import dev.weir.bench.nexmark.kafka.KafkaModeRun;
import dev.weir.bench.nexmark.kafka.KafkaRunRecord;
import dev.weir.bench.nexmark.kafka.NexmarkTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Kafka mode against the broker of {@code dev/kafka.sh} (fails if none answers at {@code WEIR_KAFKA_BOOTSTRAP},
 * default 127.0.0.1:19092): Weir's task runtime, a Kafka Streams application and Flink's Kafka connectors write,
 * from the same input topic, output topics whose checksums equal the oracle's, with exactly-once on and off; a
 * latency run (input written while the processor runs) reads the same rows and measures their latency.
 */
class NexmarkKafkaIT {
    static final NexmarkGenerator GENERATOR = NexmarkGenerator.standard(40_000);
    static NexmarkTopics topics;
    static String input;
    static Oracle oracle;

    @BeforeAll
    static void load() throws Exception {
        oracle = new Oracle(GENERATOR);
        topics = new NexmarkTopics(KafkaClients.DEFAULT_BOOTSTRAP, "it-" + Long.toString(System.nanoTime(), 36));
        input = topics.loadInput(GENERATOR);
    }

    @AfterAll
    static void deleteTopics() throws Exception {
        if (topics != null) {
            topics.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"q1,kafka-streams,eos", "q1,weir,eos", "q2,kafka-streams,alo", "q2,weir,alo", "q5,weir,eos",
            "q4,weir,alo", "q5,flink,eos", "q3,kafka-streams,alo", "q4,kafka-streams,eos", "q5,kafka-streams,eos",
            "q7,kafka-streams,alo", "q8,kafka-streams,eos"})
    void outputTopicHoldsTheOraclesRows(String query, String engine, String delivery) throws Exception {
        NexmarkQuery q = NexmarkQuery.parse(query);
        KafkaRunRecord r = KafkaModeRun.run(topics, input, GENERATOR.events(), KafkaEngine.parse(engine), q,
                Delivery.parse(delivery));

        Checksum expected = oracle.checksum(q);
        assertThat(expected.rows()).isPositive();
        assertThat(r.checksum()).isEqualTo(expected);
    }

    /** A latency run: input paced at 20,000 records/s after a warm-up of 8,000; every row read, rows measured. */
    @ParameterizedTest
    @CsvSource({"q8,weir,eos", "q3,kafka-streams,alo"})
    void latencyRunReadsTheOraclesRowsAndMeasuresTheRowsAfterTheWarmUp(String query, String engine, String delivery)
            throws Exception {
        NexmarkQuery q = NexmarkQuery.parse(query);
        Checksum expected = oracle.checksum(q);

        LatencyRecord r = LatencyRun.run(topics, GENERATOR, LatencyAttribution.of(q, GENERATOR),
                KafkaEngine.parse(engine), q, Delivery.parse(delivery), 20_000, 8_000, expected);

        assertThat(r.checksum()).isEqualTo(expected);
        assertThat(r.latency().count()).isPositive().isLessThanOrEqualTo(expected.rows());
        assertThat(r.latency().p50Millis()).isLessThanOrEqualTo(r.latency().p99Millis());
        assertThat(r.latency().p99Millis()).isLessThanOrEqualTo(r.latency().maxMillis()).isLessThan(60_000);
        assertThat(r.paced().records()).isEqualTo(GENERATOR.events() - 8_000 + EndOfInput.MARKS);
    }
}
