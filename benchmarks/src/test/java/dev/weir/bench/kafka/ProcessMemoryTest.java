package dev.weir.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    @Test
    void statusLineInKilobytesIsReadAsBytes() {
        assertThat(ProcessMemory.kilobytes("VmHWM:\t  123456 kB")).isEqualTo(123_456L * 1024);
    }

    @Test
    void peaksAreReadAfterAReset() {
        ProcessMemory m = new ProcessMemory();
        m.reset();

        assertThat(m.peakHeapBytes()).isPositive();
        m.peakRssBytes().ifPresent(rss -> assertThat(rss).isPositive());
    }
}
