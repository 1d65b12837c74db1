package dev.weir.runtime.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.runtime.operator.Watermarks;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkCombinerTest {

    @Test
    void combinedWatermarkIsTheMinimumOverInputsAndStartsUnknown() {
        WatermarkCombiner c = new WatermarkCombiner(2);
        assertThat(c.update(0, 100)).isFalse();
        assertThat(c.combined()).isEqualTo(Watermarks.UNKNOWN);
        assertThat(c.update(1, 50)).isTrue();
        assertThat(c.combined()).isEqualTo(50);
        assertThat(c.update(1, 200)).isTrue();
        assertThat(c.combined()).isEqualTo(100);
    }

    @Test
    void idleInputDoesNotHoldBackTheWatermarkAndRejoinsWhenActive() {
        WatermarkCombiner c = new WatermarkCombiner(2);
        c.update(0, 1_000);
        assertThat(c.combined()).isEqualTo(Watermarks.UNKNOWN);
        assertThat(c.setIdle(1, true)).isTrue();
        assertThat(c.combined()).isEqualTo(1_000);
        c.setIdle(1, false);
        c.update(1, 10);
        assertThat(c.combined()).as("never goes back").isEqualTo(1_000);
        c.update(0, 5_000);
        assertThat(c.combined()).as("held back by the active input again").isEqualTo(1_000);
        c.update(1, 3_000);
        assertThat(c.combined()).isEqualTo(3_000);
    }

    @Test
    void allInputsIdleMeansIdle() {
        WatermarkCombiner c = new WatermarkCombiner(2);
        c.setIdle(0, true);
        assertThat(c.allIdle()).isFalse();
        c.setIdle(1, true);
        assertThat(c.allIdle()).isTrue();
    }

    @Property(tries = 300)
    void combinedEqualsRunningMaxOfMinimumOverActiveInputs(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 2) Integer> inputs,
            @ForAll @Size(min = 60, max = 60) List<@LongRange(min = 0, max = 1000) Long> values) {
        WatermarkCombiner c = new WatermarkCombiner(3);
        long[] per = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
        long expected = Long.MIN_VALUE;
        for (int i = 0; i < inputs.size(); i++) {
            int in = inputs.get(i);
            per[in] = Math.max(per[in], values.get(i));
            c.update(in, values.get(i));
            expected = Math.max(expected, Math.min(per[0], Math.min(per[1], per[2])));
            assertThat(c.combined()).isEqualTo(expected);
        }
    }
}
