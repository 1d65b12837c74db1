package dev.weir.bench.nexmark.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.nexmark.NexmarkGenerator;
import dev.weir.bench.nexmark.NexmarkQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NexmarkKafkaBenchmarkTest {
    @Test
    void latencyInputSpansTheRequestedEventTimeAtMostAtTheStandardRate() {
        // 6 s paced at 50k records/s: 300,000 events over 100 s of event time
        assertThat(NexmarkKafkaBenchmark.latencyEventRate(300_000, 100)).isEqualTo(3_000);
        assertThat(NexmarkKafkaBenchmark.latencyEventRate(50, 100)).isEqualTo(1);
        assertThat(NexmarkKafkaBenchmark.latencyEventRate(100_000_000, 100))
                .isEqualTo(NexmarkGenerator.STANDARD_EVENTS_PER_SECOND);
        assertThat(NexmarkKafkaBenchmark.latencyEventRate(300_000, 0))
                .isEqualTo(NexmarkGenerator.STANDARD_EVENTS_PER_SECOND);
    }

    @Test
    void latencyRateIsTheGivenOneElseAFractionOfTheSlowestThroughput() {
        Map<NexmarkQuery, Double> perQuery = Map.of(NexmarkQuery.Q5, 6_000.0);

        assertThat(NexmarkKafkaBenchmark.latencyRate(NexmarkQuery.Q5, List.of(), perQuery, 20_000.0, true, 0.5,
                50_000)).isEqualTo(6_000);
        assertThat(NexmarkKafkaBenchmark.latencyRate(NexmarkQuery.Q7, List.of(), perQuery, 20_000.0, true, 0.5,
                50_000)).isEqualTo(20_000);
        assertThat(NexmarkKafkaBenchmark.latencyRate(NexmarkQuery.Q7, List.of(), perQuery, null, true, 0.5,
                50_000)).isEqualTo(50_000);
        assertThat(NexmarkKafkaBenchmark.latencyRate(NexmarkQuery.Q7, List.of(), Map.of(), null, false, 0.5,
                50_000)).isEqualTo(25_000);
    }

    @Test
    void aBadLatencyRateIsABadOption() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int rc = NexmarkKafkaBenchmark.run(new String[] {"--latency-only", "--latency-rate", "q5=x"},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err));

        assertThat(rc).isEqualTo(2);
        assertThat(err.toString()).contains("--latency-only");
    }
}
