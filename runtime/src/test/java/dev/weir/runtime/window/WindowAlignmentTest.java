package dev.weir.runtime.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Event;
import dev.weir.api.function.OutputTag;
import dev.weir.api.time.TimeDomain;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.Trigger;
import dev.weir.runtime.oracle.DefaultEquivalentTrigger;
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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where windows start: offsets ({@code [k*size + offset, (k+1)*size + offset)}) and negative timestamps (windows
 * align to multiples of the size below zero too, and {@code end - 1} is their max timestamp). Tumbling windows are
 * run on both window operators: the paned one (default trigger) and the triggered one (a non-default trigger that
 * behaves like the default). Also: an allowed lateness so large that {@code end - 1 + lateness} overflows.
 */
class WindowAlignmentTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration QUARTER = Duration.ofMinutes(15);

    private static FunctionTestHarness<String, WindowResult<String, Long>> counting(WindowSpec spec, boolean paned,
                                                                                   Duration lateness) {
        Trigger trigger = paned ? Triggers.defaultFor(spec) : new DefaultEquivalentTrigger();
        return FunctionTestHarness.window(spec, (String s) -> "k", new Count<String>(),
                WindowOptions.defaults().withTrigger(trigger).withAllowedLateness(lateness)
                        .withLateDataTag(OutputTag.of("late", String.class)));
    }

    private static List<String> windows(FunctionTestHarness<String, WindowResult<String, Long>> h) {
        return h.output().stream().map(WindowAlignmentTest::describe).toList();
    }

    private static String describe(Event<Void, WindowResult<String, Long>> e) {
        WindowResult<String, Long> r = e.value();
        return "[" + r.window().startMillis() + "," + r.window().endMillis() + ") " + r.pane().timing() + "#"
                + r.pane().index() + " n=" + r.value() + " @" + e.timestampMillis();
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @ParameterizedTest(name = "paned operator: {0}")
    @ValueSource(booleans = {true, false})
    void hourWindowsWithAQuarterOffsetRunFromQuarterPastToQuarterPast(boolean paned) {
        var h = counting(TumblingWindows.of(HOUR).withOffset(QUARTER), paned, Duration.ZERO);
        h.processElement("a", at("2024-03-01T00:10:00Z"))
                .processElement("b", at("2024-03-01T00:14:59.999Z"))
                .processElement("c", at("2024-03-01T00:15:00Z"))
                .processElement("d", at("2024-03-01T01:14:59.999Z"))
                .processElement("e", at("2024-03-01T01:15:00Z"));

        h.advanceWatermark(at("2024-03-01T01:14:59.999Z"));

        assertThat(h.outputValues()).extracting(r -> r.window().start() + "/" + r.window().end() + "=" + r.value())
                .containsExactly("2024-02-29T23:15:00Z/2024-03-01T00:15:00Z=2",
                        "2024-03-01T00:15:00Z/2024-03-01T01:15:00Z=2");
        assertThat(h.output()).extracting(Event::timestampMillis)
                .containsExactly(at("2024-03-01T00:14:59.999Z"), at("2024-03-01T01:14:59.999Z"));
        h.clearOutput().endInput();
        assertThat(h.outputValues()).extracting(r -> r.window().start() + "=" + r.value())
                .containsExactly("2024-03-01T01:15:00Z=1");
    }

    @ParameterizedTest(name = "paned operator: {0}")
    @ValueSource(booleans = {true, false})
    void offsetWindowsAlignBelowZero(boolean paned) {
        var h = counting(TumblingWindows.of(HOUR).withOffset(QUARTER), paned, Duration.ZERO);
        h.processElement("just-before-epoch", -1).processElement("quarter-to-midnight", -2_700_000)
                .processElement("before-that", -2_700_001);

        h.endInput();

        assertThat(windows(h)).containsExactlyInAnyOrder(
                "[-2700000,900000) ON_TIME#0 n=2 @899999",
                "[-6300000,-2700000) ON_TIME#0 n=1 @-2700001");
    }

    @ParameterizedTest(name = "paned operator: {0}")
    @ValueSource(booleans = {true, false})
    void negativeTimestampsFallInWindowsAlignedToMultiplesOfTheSize(boolean paned) {
        var h = counting(TumblingWindows.of(Duration.ofMillis(10)), paned, Duration.ZERO);
        h.processElement("a", -1).processElement("b", -10).processElement("c", -11).processElement("d", 0)
                .processElement("e", 9);

        h.advanceWatermark(-1);
        assertThat(windows(h)).containsExactly("[-20,-10) ON_TIME#0 n=1 @-11", "[-10,0) ON_TIME#0 n=2 @-1");

        h.clearOutput().advanceWatermark(9);
        assertThat(windows(h)).containsExactly("[0,10) ON_TIME#0 n=2 @9");
    }

    @ParameterizedTest(name = "paned operator: {0}")
    @ValueSource(booleans = {true, false})
    void latenessBelowZeroKeepsTheWindowUntilEndMinusOnePlusLateness(boolean paned) {
        var h = counting(TumblingWindows.of(Duration.ofMillis(10)), paned, Duration.ofMillis(5));
        h.processElement("a", -5).advanceWatermark(-1);
        h.advanceWatermark(3).processElement("late", -8);
        assertThat(windows(h)).containsExactly("[-10,0) ON_TIME#0 n=1 @-1", "[-10,0) LATE#1 n=2 @-1");

        h.clearOutput().advanceWatermark(4).processElement("too-late", -2);

        assertThat(windows(h)).isEmpty();
        assertThat(h.sideOutput("late")).containsExactly("too-late");
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void allowedLatenessOfLongMaxValueMillisKeepsWindowsForeverOnThePanedOperator() {
        checkLatenessOfLongMaxValueKeepsWindowsForever(true);
    }

    @Test
    void allowedLatenessOfLongMaxValueMillisKeepsWindowsForeverOnTheTriggeredOperator() {
        checkLatenessOfLongMaxValueKeepsWindowsForever(false);
    }

    private static void checkLatenessOfLongMaxValueKeepsWindowsForever(boolean paned) {
        var h = counting(TumblingWindows.of(Duration.ofMillis(10)), paned, Duration.ofMillis(Long.MAX_VALUE));
        h.processElement("a", 5).advanceWatermark(9);
        h.advanceWatermark(1_000_000).processElement("late", 3);

        assertThat(windows(h)).containsExactly("[0,10) ON_TIME#0 n=1 @9", "[0,10) LATE#1 n=2 @9");
        assertThat(h.lateDropped()).isZero();
    }

    @Test
    void slidingWindowsWithAnOffsetStartAtMultiplesOfTheSlidePlusTheOffset() {
        SlidingWindows spec = new SlidingWindows(Duration.ofMillis(10), Duration.ofMillis(4), Duration.ofMillis(1),
                TimeDomain.EVENT_TIME);
        var aggregate = counting(spec, true, Duration.ZERO);
        var process = FunctionTestHarness.processWindow(spec, (String s) -> "k", new Firings<String, String>(),
                WindowOptions.defaults());
        for (FunctionTestHarness<String, ?> h : List.of(aggregate, process)) {
            h.processElement("zero", 0).processElement("five", 5).endInput();
        }

        assertThat(windows(aggregate)).containsExactly("[-7,3) ON_TIME#0 n=1 @2", "[-3,7) ON_TIME#0 n=2 @6",
                "[1,11) ON_TIME#0 n=1 @10", "[5,15) ON_TIME#0 n=1 @14");
        assertThat(process.outputValues()).extracting(Fired::toString).containsExactly("k[-7,3) ON_TIME#0 [zero]",
                "k[-3,7) ON_TIME#0 [zero, five]", "k[1,11) ON_TIME#0 [five]", "k[5,15) ON_TIME#0 [five]");
    }

    @Test
    void sessionsWorkBelowZero() {
        var h = counting(SessionWindows.withGap(Duration.ofMillis(5)), true, Duration.ZERO);
        h.processElement("a", -7).processElement("b", -3).processElement("c", 3);

        h.advanceWatermark(1);

        assertThat(windows(h)).containsExactly("[-7,2) ON_TIME#0 n=2 @1");
        h.clearOutput().endInput();
        assertThat(windows(h)).containsExactly("[3,8) ON_TIME#0 n=1 @7");
    }
}
