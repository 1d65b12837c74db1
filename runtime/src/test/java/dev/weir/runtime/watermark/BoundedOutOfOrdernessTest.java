package dev.weir.runtime.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.runtime.operator.Watermarks;
import org.junit.jupiter.api.Test;

class BoundedOutOfOrdernessTest {

    @Test
    void watermarkIsMaxTimestampMinusBoundMinusOne() {
        BoundedOutOfOrderness g = new BoundedOutOfOrderness(1_000, false);
        assertThat(g.currentWatermark()).isEqualTo(Watermarks.UNKNOWN);
        assertThat(g.onEvent(5_000)).isEqualTo(WatermarkGenerator.NONE);
        assertThat(g.currentWatermark()).isEqualTo(3_999);
        g.onEvent(4_000);
        assertThat(g.currentWatermark()).as("an older event does not move it back").isEqualTo(3_999);
    }

    @Test
    void perEventEmissionReturnsTheWatermarkAfterEachEvent() {
        BoundedOutOfOrderness g = new BoundedOutOfOrderness(0, true);
        assertThat(g.onEvent(10)).isEqualTo(9);
        assertThat(g.onEvent(7)).isEqualTo(9);
    }
}
