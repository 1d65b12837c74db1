package dev.weir.api.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void windowIsHalfOpenAndItsMaxTimestampIsEndMinusOne() {
        Window w = new Window(600_000, 900_000);
        assertThat(w.contains(600_000)).isTrue();
        assertThat(w.contains(899_999)).isTrue();
        assertThat(w.contains(900_000)).isFalse();
        assertThat(w.maxTimestampMillis()).isEqualTo(899_999);
    }

    @Test
    void touchingWindowsIntersectForSessionMerging() {
        assertThat(new Window(0, 10).intersects(new Window(10, 20))).isTrue();
        assertThat(new Window(0, 10).intersects(new Window(11, 20))).isFalse();
        assertThat(new Window(0, 10).cover(new Window(5, 20))).isEqualTo(new Window(0, 20));
    }

    @Test
    void specsRejectNonsense() {
        assertThatThrownBy(() -> TumblingWindows.of(Duration.ZERO)).hasMessageContaining("must be a positive duration");
        assertThatThrownBy(() -> SlidingWindows.of(Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .hasMessageContaining("must not exceed size");
        assertThatThrownBy(() -> new Window(5, 5)).hasMessageContaining("must be after start");
    }
}
