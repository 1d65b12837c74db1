package dev.weir.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.kafka.KafkaClients;
import dev.weir.bench.nexmark.kafka.Delivery;
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
 * from the same input topic, output topics whose checksums equal the oracle's, with exactly-once on and off.
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
}
