package dev.weir.runtime.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Headers;
import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.TimerContext;
import dev.weir.runtime.graph.ErrorPolicy;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.heap.HeapKeyedStateBackend;
import dev.weir.runtime.testing.FunctionTestHarness;
import dev.weir.runtime.time.ManualClock;
import dev.weir.runtime.time.ProcessingTimeService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Timers of keyed functions: one firing per (key, timestamp), deleted timers never fire, event-time timers fire when
 * the watermark reaches them ({@code W >= t}) and before that watermark is passed downstream, in timestamp order,
 * with the timer's timestamp on their outputs; processing-time timers fire by the clock and not at end of input.
 */
class KeyedProcessOperatorTimersTest {

    /**
     * Input {@code "key:command:millis"}. Commands: {@code et}/{@code pt} register an event-/processing-time timer,
     * {@code et2} registers the same event-time timer twice, {@code -et}/{@code -pt} delete one. Timers emit
     * {@code key:DOMAIN@t}.
     */
    static final class TimerCommands implements KeyedFunction<String, String, String> {
        @Override
        public void process(String in, KeyedContext<String> ctx, Collector<String> out) {
            String[] parts = in.split(":");
            Instant t = Instant.ofEpochMilli(Long.parseLong(parts[2]));
            switch (parts[1]) {
                case "et" -> ctx.timers().registerEventTimeTimer(t);
                case "et2" -> {
                    ctx.timers().registerEventTimeTimer(t);
                    ctx.timers().registerEventTimeTimer(t);
                }
                case "pt" -> ctx.timers().registerProcessingTimeTimer(t);
                case "-et" -> ctx.timers().deleteEventTimeTimer(t);
                case "-pt" -> ctx.timers().deleteProcessingTimeTimer(t);
                default -> throw new IllegalArgumentException(in);
            }
        }

        @Override
        public void onTimer(TimerContext<String> ctx, Collector<String> out) {
            out.emit(ctx.currentKey() + ":" + ctx.timeDomain() + "@" + ctx.timestampMillis());
        }
    }

    private static FunctionTestHarness<String, String> harness() {
        return FunctionTestHarness.keyed(new TimerCommands(), (String s) -> s.substring(0, s.indexOf(':')));
    }

    @Test
    void sameTimestampRegisteredTwiceForAKeyFiresOnceButOncePerKey() {
        var h = harness();
        h.processElement("a:et2:20", 1).processElement("a:et:20", 2).processElement("b:et:20", 3);

        h.advanceWatermark(100);

        assertThat(h.outputValues()).containsExactlyInAnyOrder("a:EVENT_TIME@20", "b:EVENT_TIME@20");
    }

    @Test
    void deletedTimersDoNotFireAndOnlyTheDeletedOneIsGone() {
        var h = harness();
        h.processElement("a:et:20", 1).processElement("a:et:30", 1).processElement("b:et:20", 1)
                .processElement("a:-et:20", 2);
        h.processElement("a:pt:1000", 2).processElement("a:pt:2000", 2).processElement("a:-pt:1000", 3);

        h.advanceWatermark(100).advanceProcessingTime(Duration.ofSeconds(5));

        assertThat(h.outputValues()).containsExactly("b:EVENT_TIME@20", "a:EVENT_TIME@30", "a:PROCESSING_TIME@2000");
    }

    @Test
    void eventTimeTimerFiresWhenTheWatermarkReachesItsTimestampInTimestampOrderStampedWithIt() {
        var h = harness();
        h.processElement("b:et:30", 1).processElement("a:et:10", 1).processElement("c:et:20", 1);
        h.advanceWatermark(9);
        assertThat(h.outputValues()).isEmpty();

        h.advanceWatermark(10);
        assertThat(h.outputValues()).containsExactly("a:EVENT_TIME@10");

        h.clearOutput().advanceWatermark(40);
        assertThat(h.output()).extracting(e -> e.value() + " stamped " + e.timestampMillis())
                .containsExactly("c:EVENT_TIME@20 stamped 20", "b:EVENT_TIME@30 stamped 30");
    }

    @Test
    void eventTimeTimersFireBeforeTheWatermarkIsForwardedDownstream() {
        OperatorMetrics metrics = new OperatorMetrics("timers");
        OperatorContext ctx = new OperatorContext("timers", metrics, new ProcessingTimeService(new ManualClock(0)),
                ErrorPolicy.FAIL, KeyGroups.DEFAULT_NUMBER);
        RecordingOutput<String> out = new RecordingOutput<>();
        KeyedProcessOperator<String, String, String> op = new KeyedProcessOperator<>(ctx, new TimerCommands(), null,
                s -> s.substring(0, 1), HeapKeyedStateBackend.forAllKeyGroups(KeyGroups.DEFAULT_NUMBER), out);
        op.element("a:et:10", 1, Headers.EMPTY);
        op.element("b:et:15", 2, Headers.EMPTY);

        op.watermark(12);
        op.watermark(20);
        op.watermark(Watermarks.END_OF_TIME);
        op.endOfInput();

        assertThat(out.log()).containsExactly("a:EVENT_TIME@10@10", "wm:12", "b:EVENT_TIME@15@15", "wm:20",
                "wm:END", "end");
    }

    @Test
    void timerRegisteredAtOrBelowTheCurrentWatermarkFiresAtTheNextWatermark() {
        var h = harness();
        h.advanceWatermark(50);
        h.processElement("a:et:40", 51).processElement("b:et:50", 51);
        assertThat(h.outputValues()).isEmpty();

        h.advanceWatermark(51);

        assertThat(h.outputValues()).containsExactly("a:EVENT_TIME@40", "b:EVENT_TIME@50");
    }

    @Test
    void processingTimeTimersFireByTheClockAndNotAtEndOfInput() {
        var h = harness();
        h.processElement("a:pt:1000", 1).processElement("b:pt:3000", 1);
        h.advanceWatermark(Long.MAX_VALUE - 1);
        h.advanceProcessingTime(Duration.ofMillis(1000));
        assertThat(h.outputValues()).as("the watermark does not fire processing-time timers, and a timer at t fires "
                + "only once the clock has passed t").isEmpty();

        h.advanceProcessingTime(Duration.ofMillis(1));
        assertThat(h.outputValues()).containsExactly("a:PROCESSING_TIME@1000");

        h.endInput();
        assertThat(h.outputValues()).as("b's timer is still pending when the input ends").containsExactly(
                "a:PROCESSING_TIME@1000");
    }
}
