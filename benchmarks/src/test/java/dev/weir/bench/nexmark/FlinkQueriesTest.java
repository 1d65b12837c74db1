package dev.weir.bench.nexmark;

import dev.weir.bench.nexmark.flink.FlinkChecksumSink;
import dev.weir.bench.nexmark.flink.FlinkQueries;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every query on a local Flink environment agrees with the oracle's checksum, on 100,000 events. All eight queries
 * run as one Flink job (one mini-cluster start instead of eight), each from its own source into its own sink.
 */
class FlinkQueriesTest {
    static final NexmarkGenerator GENERATOR = NexmarkGenerator.standard(100_000 + 777);

    @Test
    void flinksChecksumsAreTheOracles() throws Exception {
        StreamExecutionEnvironment env = FlinkQueries.environment();
        for (NexmarkQuery q : NexmarkQuery.values()) {
            FlinkQueries.build(env, q, GENERATOR, "test-" + q.id());
        }
        env.execute("nexmark-all");

        Oracle oracle = new Oracle(GENERATOR);
        SoftAssertions softly = new SoftAssertions();
        for (NexmarkQuery q : NexmarkQuery.values()) {
            Checksum expected = oracle.checksum(q);
            softly.assertThat(expected.rows()).as(q.id()).isPositive();
            softly.assertThat(FlinkChecksumSink.take("test-" + q.id())).as(q.id()).isEqualTo(expected);
        }
        softly.assertAll();
    }
}
