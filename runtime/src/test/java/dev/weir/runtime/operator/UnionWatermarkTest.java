package dev.weir.runtime.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Headers;
import org.junit.jupiter.api.Test;

/**
 * The union's control signals: its watermark is the minimum over active inputs and never goes back, an idle input
 * does not hold it back, it is idle only when all inputs are, and it ends (after END_OF_TIME) when all inputs ended.
 */
class UnionWatermarkTest {
    private final RecordingOutput<String> out = new RecordingOutput<>();
    private final UnionOperator<String> union = new UnionOperator<>("union", 2, out);
    private final Input<String> first = union.input(0);
    private final Input<String> second = union.input(1);

    @Test
    void watermarkIsTheMinimumOfTheInputsAndElementsPassThroughUnchanged() {
        first.watermark(10);
        first.element("a", 3, Headers.EMPTY);
        second.watermark(5);
        second.watermark(7);
        first.watermark(20);
        second.watermark(30);

        assertThat(out.log()).containsExactly("a@3", "wm:5", "wm:7", "wm:20");
    }

    @Test
    void idleInputDoesNotHoldBackTheWatermarkAndTheWatermarkNeverGoesBackWhenItReturns() {
        first.watermark(10);
        second.watermark(5);
        second.idle(true);
        assertThat(out.log()).containsExactly("wm:5", "wm:10");

        second.idle(false);
        second.watermark(8);
        first.watermark(15);
        assertThat(out.log()).as("the returning input at 8 holds the watermark at 10 until it passes it")
                .containsExactly("wm:5", "wm:10");
        second.watermark(12);
        assertThat(out.log()).containsExactly("wm:5", "wm:10", "wm:12");
    }

    @Test
    void unionIsIdleOnlyWhenAllInputsAreIdle() {
        first.idle(true);
        assertThat(out.log()).isEmpty();
        second.idle(true);
        assertThat(out.log()).containsExactly("idle:true");
        first.idle(false);
        assertThat(out.log()).containsExactly("idle:true", "idle:false");
    }

    @Test
    void unionEndsWithEndOfTimeOnlyWhenBothInputsEnded() {
        first.watermark(10);
        second.watermark(4);
        first.endOfInput();
        assertThat(out.log()).containsExactly("wm:4");

        second.watermark(Watermarks.END_OF_TIME);
        second.endOfInput();
        assertThat(out.log()).containsExactly("wm:4", "wm:END", "end");
    }
}
