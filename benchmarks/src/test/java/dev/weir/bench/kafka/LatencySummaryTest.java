package dev.weir.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
    @Test
    void percentilesAreReadInMilliseconds() {
        Histogram h = LatencySummary.newHistogram();
        for (int ms = 1; ms <= 1_000; ms++) {
            h.recordValue(ms * 1_000L);
        }

        LatencySummary s = LatencySummary.ofMicros(h);

        assertThat(s.count()).isEqualTo(1_000);
        assertThat(s.p50Millis()).isCloseTo(500, within(1.0));
        assertThat(s.p90Millis()).isCloseTo(900, within(1.0));
        assertThat(s.p99Millis()).isCloseTo(990, within(1.0));
        assertThat(s.p999Millis()).isCloseTo(999, within(1.0));
        assertThat(s.maxMillis()).isCloseTo(1_000, within(1.0));
    }

    @Test
    void emptyHistogramGivesZeros() {
        assertThat(LatencySummary.ofMicros(LatencySummary.newHistogram()))
                .isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0));
    }
}
