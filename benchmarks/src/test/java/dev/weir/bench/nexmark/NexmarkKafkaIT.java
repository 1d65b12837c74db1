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
    /** The latency runs' input: 1,000 events per second of event time, so 40,000 events span 40 s (four windows). */
    static final NexmarkGenerator SPARSE = NexmarkGenerator.withEventRate(40_000, 1_000);
    static NexmarkTopics topics;
    static String input;
    static Oracle oracle;
    static Oracle sparseOracle;

    @BeforeAll
    static void load() throws Exception {
        oracle = new Oracle(GENERATOR);
        sparseOracle = new Oracle(SPARSE);
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

    /**
     * A latency run on the sparse input: paced at 20,000 records/s after a warm-up of 8,000 events (8 s of event
     * time); every row read; windows closed by paced events measured (q8's [10 s, 20 s), [20 s, 30 s), q7's and
     * q5's likewise), the last windows, which only the end-of-input mark closes, counted apart.
     */
    @ParameterizedTest
    @CsvSource({"q8,weir,eos,true", "q5,kafka-streams,eos,true", "q7,flink,alo,true", "q3,kafka-streams,alo,false"})
    void latencyRunReadsTheOraclesRowsAndMeasuresTheRowsAfterTheWarmUp(String query, String engine, String delivery,
                                                                       boolean windowed) throws Exception {
        NexmarkQuery q = NexmarkQuery.parse(query);
        Checksum expected = sparseOracle.checksum(q);

        LatencyRecord r = LatencyRun.run(topics, SPARSE, LatencyAttribution.of(q, SPARSE),
                KafkaEngine.parse(engine), q, Delivery.parse(delivery), 20_000, 8_000, expected);

        assertThat(r.checksum()).isEqualTo(expected);
        assertThat(r.latency().count()).isPositive();
        assertThat(r.latency().count() + r.endOfInput().count()).isLessThanOrEqualTo(expected.rows());
        assertThat(r.latency().p50Millis()).isLessThanOrEqualTo(r.latency().p99Millis());
        assertThat(r.latency().p99Millis()).isLessThanOrEqualTo(r.latency().maxMillis()).isLessThan(60_000);
        if (windowed) {
            assertThat(r.endOfInput().count()).isPositive();
        } else {
            assertThat(r.endOfInput().count()).isZero();
        }
        assertThat(r.eventRate()).isEqualTo(1_000);
        assertThat(r.paced().records()).isEqualTo(SPARSE.events() - 8_000 + EndOfInput.MARKS);
    }
}
