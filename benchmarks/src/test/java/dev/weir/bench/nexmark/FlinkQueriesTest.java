package dev.weir.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.nexmark.flink.FlinkChecksumSink;
import dev.weir.bench.nexmark.flink.FlinkQueries;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every query on a local Flink environment agrees with the oracle's checksum, on 100,000 events. */
class FlinkQueriesTest {
    static final NexmarkGenerator GENERATOR = NexmarkGenerator.standard(100_000 + 777);
    static Oracle oracle;

    @BeforeAll
    static void oracle() {
        oracle = new Oracle(GENERATOR);
    }

    @ParameterizedTest
    @EnumSource(NexmarkQuery.class)
    void flinksChecksumIsTheOracles(NexmarkQuery query) throws Exception {
        String runId = "test-" + query.id();
        StreamExecutionEnvironment env = FlinkQueries.environment();
        FlinkQueries.build(env, query, GENERATOR, runId);
        env.execute("nexmark-" + query.id());

        Checksum expected = oracle.checksum(query);
        assertThat(expected.rows()).isPositive();
        assertThat(FlinkChecksumSink.take(runId)).isEqualTo(expected);
    }
}
