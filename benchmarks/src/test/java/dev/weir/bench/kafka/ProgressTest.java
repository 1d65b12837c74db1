package dev.weir.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void countsConsumedRecordsAndTimesTheTargetOnlyOnceReached() throws Exception {
        Progress p = new Progress(10);

        p.consumed(4);
        p.consumed(0);
        assertThat(p.total()).isEqualTo(4);
        assertThat(p.nanosToTarget()).isZero();

        p.consumed(6);
        assertThat(p.total()).isEqualTo(10);
        assertThat(p.nanosToTarget()).isPositive();
        assertThat(p.awaitTotal(10, Duration.ZERO, null)).isTrue();
    }

    @Test
    void awaitTotalGivesUpAfterItsTimeout() throws Exception {
        assertThat(new Progress(10).awaitTotal(1, Duration.ZERO, null)).isFalse();
    }

    @Test
    void awaitTotalRethrowsAFailureOfTheProcessor() {
        Processor.Running failed = new Processor.Running() {
            @Override
            public void close() {
            }

            @Override
            public Throwable failure() {
                return new IllegalStateException("boom");
            }
        };

        assertThatThrownBy(() -> new Progress(10).awaitTotal(1, Duration.ofMinutes(1), failed))
                .hasRootCauseMessage("boom");
    }
}
