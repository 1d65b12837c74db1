package dev.weir.runtime.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Event;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.api.time.TimeDomain;
import dev.weir.api.window.GlobalWindows;
import dev.weir.api.window.Trigger;
import dev.weir.api.window.TriggerContext;
import dev.weir.api.window.TriggerResult;
import dev.weir.api.window.Triggers;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.Window;
import dev.weir.api.window.WindowResult;
import dev.weir.api.window.WindowSpec;
import dev.weir.runtime.testing.FunctionTestHarness;
import dev.weir.runtime.testing.FunctionTestHarness.WindowOptions;
import dev.weir.runtime.window.WindowFunctions.Count;
import dev.weir.runtime.window.WindowFunctions.Fired;
import dev.weir.runtime.window.WindowFunctions.Firings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Exact pane sequences (timing, index, value, timestamp) of the standard triggers and of a custom one, on one key.
 * A pane is written {@code TIMING#index n=count @timestamp}; every result carries its window's max timestamp
 * ({@link Long#MAX_VALUE} for the global window).
 */
class TriggerPaneSequenceTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

    private static FunctionTestHarness<String, WindowResult<String, Long>> counting(WindowSpec spec, Trigger trigger,
                                                                                   Duration lateness) {
        return FunctionTestHarness.window(spec, (String s) -> "k", new Count<String>(),
                WindowOptions.defaults().withTrigger(trigger).withAllowedLateness(lateness));
    }

    private static FunctionTestHarness<String, WindowResult<String, Long>> counting(WindowSpec spec, Trigger trigger) {
        return counting(spec, trigger, Duration.ZERO);
    }

    private static List<String> panes(FunctionTestHarness<String, WindowResult<String, Long>> h) {
        return h.output().stream().map(TriggerPaneSequenceTest::describe).toList();
    }

    private static String describe(Event<Void, WindowResult<String, Long>> e) {
        WindowResult<String, Long> r = e.value();
        return r.pane().timing() + "#" + r.pane().index() + " n=" + r.value() + " @" + e.timestampMillis();
    }

    private static void elements(FunctionTestHarness<String, ?> h, long... timestamps) {
        for (long ts : timestamps) {
            h.processElement("e" + ts, ts);
        }
    }

    // ---- count ---------------------------------------------------------------------------------------------------

    @Test
    void countTriggerOnATumblingWindowFiresEveryNElementsEarlyAndTheRunningTotalWhenTheWindowCompletes() {
        var h = counting(TumblingWindows.of(TEN_SECONDS), Triggers.count(3));
        elements(h, 1, 2, 3, 4, 5);
        assertThat(panes(h)).containsExactly("EARLY#0 n=3 @9999");

        h.advanceWatermark(9_999);

        assertThat(panes(h)).containsExactly("EARLY#0 n=3 @9999", "ON_TIME#1 n=5 @9999");
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void purgingCountTriggerOnATumblingWindowEmitsEachBatchAndTheRemainderOnItsOwn() {
        var h = counting(TumblingWindows.of(TEN_SECONDS), Triggers.purging(Triggers.count(3)));
        elements(h, 1, 2, 3, 4, 5);

        h.advanceWatermark(9_999);

        assertThat(panes(h)).containsExactly("EARLY#0 n=3 @9999", "ON_TIME#1 n=2 @9999");
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void countTriggerEmitsNoRemainderPaneWhenTheLastBatchWasComplete() {
        var running = counting(TumblingWindows.of(TEN_SECONDS), Triggers.count(3));
        var purging = counting(TumblingWindows.of(TEN_SECONDS), Triggers.purging(Triggers.count(3)));
        elements(running, 1, 2, 3, 4, 5, 6);
        elements(purging, 1, 2, 3, 4, 5, 6);

        running.advanceWatermark(9_999);
        purging.advanceWatermark(9_999);

        assertThat(panes(running)).containsExactly("EARLY#0 n=3 @9999", "EARLY#1 n=6 @9999");
        assertThat(panes(purging)).containsExactly("EARLY#0 n=3 @9999", "EARLY#1 n=3 @9999");
    }

    @Test
    void countTriggerOnTheGlobalWindowFiresEveryNElementsAndTheRunningTotalAtEndOfInput() {
        var h = counting(GlobalWindows.create(), Triggers.count(2));
        elements(h, 1, 2, 3, 4, 5);
        h.advanceWatermark(1_000_000);
        assertThat(panes(h)).as("the global window never completes by the watermark")
                .containsExactly("EARLY#0 n=2 @" + Long.MAX_VALUE, "EARLY#1 n=4 @" + Long.MAX_VALUE);

        h.endInput();

        assertThat(panes(h)).containsExactly("EARLY#0 n=2 @" + Long.MAX_VALUE, "EARLY#1 n=4 @" + Long.MAX_VALUE,
                "ON_TIME#2 n=5 @" + Long.MAX_VALUE);
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void purgingCountTriggerOnTheGlobalWindowEmitsEachBatchAndTheRemainderAtEndOfInput() {
        var h = counting(GlobalWindows.create(), Triggers.purging(Triggers.count(2)));
        elements(h, 1, 2, 3, 4, 5);

        h.endInput();

        assertThat(panes(h)).containsExactly("EARLY#0 n=2 @" + Long.MAX_VALUE, "EARLY#1 n=2 @" + Long.MAX_VALUE,
                "ON_TIME#2 n=1 @" + Long.MAX_VALUE);
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void countTriggerWithLatenessFiresLateBatchesAndTheLateRemainderAtTheNextWatermark() {
        var h = counting(TumblingWindows.of(Duration.ofMillis(10)), Triggers.count(2), Duration.ofMillis(10));
        elements(h, 1, 2, 3);
        h.advanceWatermark(9);
        assertThat(panes(h)).containsExactly("EARLY#0 n=2 @9", "ON_TIME#1 n=3 @9");

        h.clearOutput();
        elements(h, 4);
        assertThat(panes(h)).as("one late element is not a batch of 2").isEmpty();
        h.advanceWatermark(12);
        assertThat(panes(h)).containsExactly("LATE#2 n=4 @9");

        h.clearOutput();
        elements(h, 5, 6);
        assertThat(panes(h)).containsExactly("LATE#3 n=6 @9");
        h.clearOutput().advanceWatermark(19);
        assertThat(panes(h)).isEmpty();
        assertThat(h.stateEntryCount()).isZero();
    }

    // ---- early firings -------------------------------------------------------------------------------------------

    @Test
    void eventTimeEarlyFiringsEmitAtEveryIntervalOfTheWatermarkThenOneOnTimePane() {
        var h = counting(TumblingWindows.of(ONE_MINUTE), Triggers.earlyFirings(TEN_SECONDS, TimeDomain.EVENT_TIME));
        h.processElement("a", 1_000).advanceWatermark(9_999);
        assertThat(panes(h)).isEmpty();
        h.advanceWatermark(10_000);
        h.processElement("b", 15_000).advanceWatermark(20_000);
        h.advanceWatermark(30_000).advanceWatermark(40_000).advanceWatermark(50_000);
        assertThat(panes(h)).containsExactly("EARLY#0 n=1 @59999", "EARLY#1 n=2 @59999", "EARLY#2 n=2 @59999",
                "EARLY#3 n=2 @59999", "EARLY#4 n=2 @59999");

        h.clearOutput().advanceWatermark(59_999);

        assertThat(panes(h)).containsExactly("ON_TIME#5 n=2 @59999");
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void eventTimeEarlyFiringsEndWithOneOnTimePaneWhenTheWatermarkJumpsPastTheWindowEnd() {
        var h = counting(TumblingWindows.of(ONE_MINUTE), Triggers.earlyFirings(TEN_SECONDS, TimeDomain.EVENT_TIME));
        h.processElement("a", 1_000).advanceWatermark(10_000);
        assertThat(panes(h)).containsExactly("EARLY#0 n=1 @59999");

        h.clearOutput().advanceWatermark(100_000);

        assertThat(panes(h)).as("the pending early point (20 s) is passed together with the window end")
                .containsExactly("ON_TIME#1 n=1 @59999");
    }

    @Test
    void eventTimeEarlyFiringsEndWithOneOnTimePaneAtEndOfInput() {
        var h = counting(TumblingWindows.of(ONE_MINUTE), Triggers.earlyFirings(TEN_SECONDS, TimeDomain.EVENT_TIME));
        h.processElement("a", 1_000).processElement("b", 2_000);

        h.endInput();

        assertThat(panes(h)).containsExactly("ON_TIME#0 n=2 @59999");
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void processingTimeEarlyFiringsEmitEveryIntervalOfTheClockThenOneOnTimePane() {
        var h = counting(TumblingWindows.of(ONE_MINUTE),
                Triggers.earlyFirings(TEN_SECONDS, TimeDomain.PROCESSING_TIME));
        h.processElement("a", 1_000).advanceProcessingTime(Duration.ofMillis(10_000));
        assertThat(panes(h)).as("a processing-time timer at t fires once the clock has passed t").isEmpty();
        h.advanceProcessingTime(Duration.ofMillis(1));
        h.processElement("b", 2_000).advanceProcessingTime(TEN_SECONDS);
        h.advanceProcessingTime(TEN_SECONDS);
        assertThat(panes(h)).containsExactly("EARLY#0 n=1 @59999", "EARLY#1 n=2 @59999", "EARLY#2 n=2 @59999");

        h.clearOutput().advanceWatermark(59_999).advanceProcessingTime(ONE_MINUTE);

        assertThat(panes(h)).containsExactly("ON_TIME#3 n=2 @59999");
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void processingTimeEarlyFiringsStopOnceTheWindowIsCompleteAndLateElementsFireLatePanes() {
        var h = counting(TumblingWindows.of(ONE_MINUTE),
                Triggers.earlyFirings(TEN_SECONDS, TimeDomain.PROCESSING_TIME), ONE_MINUTE);
        h.processElement("a", 1_000).advanceProcessingTime(TEN_SECONDS.plusMillis(1));
        h.advanceWatermark(59_999);
        assertThat(panes(h)).containsExactly("EARLY#0 n=1 @59999", "ON_TIME#1 n=1 @59999");

        h.clearOutput().advanceProcessingTime(ONE_MINUTE);
        assertThat(panes(h)).as("no early pane after the window completed").isEmpty();

        h.processElement("late", 5_000);
        assertThat(panes(h)).containsExactly("LATE#2 n=2 @59999");
        h.clearOutput().advanceWatermark(119_999);
        assertThat(h.stateEntryCount()).isZero();
    }

    // ---- custom trigger ------------------------------------------------------------------------------------------

    /**
     * Fires and purges on every second marker element, and fires when the window completes. Markers are the elements at {@code ts % 1000 == 999}. Keeps the marker count in trigger
     * state, which the engine must drop with the window.
     */
    static final class EverySecondMarker implements Trigger {
        private static final long serialVersionUID = 1L;
        static final ValueStateDescriptor<Long> MARKERS = ValueStateDescriptor.of("markers", Long.class);

        @Override
        public TriggerResult onElement(Object element, long timestampMillis, Window window, TriggerContext ctx) {
            ctx.registerEventTimeTimer(window.maxTimestampMillis());
            if (timestampMillis % 1_000 != 999) {
                return TriggerResult.CONTINUE;
            }
            ValueState<Long> markers = ctx.state(MARKERS);
            long n = markers.valueOr(0L) + 1;
            if (n == 2) {
                markers.clear();
                return TriggerResult.FIRE_AND_PURGE;
            }
            markers.update(n);
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long timeMillis, Window window, TriggerContext ctx) {
            return timeMillis == window.maxTimestampMillis() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long timeMillis, Window window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(Window window, TriggerContext ctx) {
            ctx.state(MARKERS).clear();
            ctx.deleteEventTimeTimer(window.maxTimestampMillis());
        }
    }

    @Test
    void customTriggerFiresAndPurgesOnItsMarkerElementsAndItsStateIsDroppedWithTheWindow() {
        var h = FunctionTestHarness.processWindow(TumblingWindows.of(TEN_SECONDS), (String s) -> "k",
                new Firings<String, String>(), WindowOptions.defaults().withTrigger(new EverySecondMarker()));
        h.processElement("a", 100).processElement("m1", 999).processElement("b", 200);
        assertThat(h.outputValues()).isEmpty();
        h.processElement("m2", 1_999);
        assertThat(h.outputValues()).extracting(Fired::toString).containsExactly("k[0,10000) EARLY#0 [a, m1, b, m2]");

        h.processElement("c", 300).processElement("m3", 2_999);
        assertThat(h.stateEntryCount()).as("contents, metadata and the marker count").isEqualTo(3);
        h.advanceWatermark(9_999);

        assertThat(h.outputValues()).extracting(Fired::toString)
                .containsExactly("k[0,10000) EARLY#0 [a, m1, b, m2]", "k[0,10000) ON_TIME#1 [c, m3]");
        assertThat(h.output()).allSatisfy(e -> assertThat(e.timestampMillis()).isEqualTo(9_999));
        assertThat(h.stateEntryCount()).isZero();
    }
}
