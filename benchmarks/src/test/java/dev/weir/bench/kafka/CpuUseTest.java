package dev.weir.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CpuUseTest {
    @Test
    void ticksAreSplitIntoCoresOfJvmBrokerAndOthers() {
        // 2 CPUs over 10 s at 100 ticks/s: 2,000 ticks; 1,500 busy: 1,000 the JVM, 300 the broker, 200 the rest
        CpuUse use = CpuUse.of(2_000, 1_500, 1_000, 300, 2);

        assertThat(use.jvmCores()).isCloseTo(1.0, within(1e-9));
        assertThat(use.brokerCores()).isCloseTo(0.3, within(1e-9));
        assertThat(use.otherCores()).isCloseTo(0.2, within(1e-9));
        assertThat(use.format()).isEqualTo("1.00 / 0.30 / 0.20");
    }

    @Test
    void othersNeverGoNegativeAndAnEmptyIntervalIsZero() {
        assertThat(CpuUse.of(2_000, 900, 800, 300, 2).otherCores()).isZero();
        assertThat(CpuUse.of(0, 0, 0, 0, 2)).isEqualTo(new CpuUse(0, 0, 0));
    }

    @Test
    void samplesOfThisMachineGiveANonNegativeUse() {
        CpuUse.Sample.take(OptionalLong.empty()).ifPresent(a -> {
            CpuUse.Sample b = CpuUse.Sample.take(OptionalLong.empty()).orElseThrow();
            CpuUse use = a.until(b);
            assertThat(use.jvmCores()).isGreaterThanOrEqualTo(0);
            assertThat(use.otherCores()).isGreaterThanOrEqualTo(0);
        });
    }
}
