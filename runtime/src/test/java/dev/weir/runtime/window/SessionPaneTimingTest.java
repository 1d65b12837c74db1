package dev.weir.runtime.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Event;
import dev.weir.api.function.OutputTag;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.WindowResult;
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
 * Pane timing and index of session windows, script by script (one key, milliseconds). A pane is written
 * {@code [start,end) TIMING#index n=count @timestamp}; the timestamp is always the session's {@code end - 1}.
 * The rules (docs/concepts/windows.md, time.md): the first pane fired by the watermark is ON_TIME; an element
 * arriving, within the allowed lateness, into a session that is already complete fires a LATE pane at once; a merged
 * session's next pane is an update (index &gt; 0) when one of the sessions it absorbed had emitted.
 */
class SessionPaneTimingTest {
    private static final OutputTag<String> LATE = OutputTag.of("late", String.class);

    private static FunctionTestHarness<String, WindowResult<String, Long>> sessions(long gap, long lateness) {
        return FunctionTestHarness.window(SessionWindows.withGap(Duration.ofMillis(gap)), (String s) -> "k",
                new Count<String>(), WindowOptions.defaults().withAllowedLateness(Duration.ofMillis(lateness))
                        .withLateDataTag(LATE));
    }

    private static List<String> panes(FunctionTestHarness<String, WindowResult<String, Long>> h) {
        return h.output().stream().map(SessionPaneTimingTest::describe).toList();
    }

    private static String describe(Event<Void, WindowResult<String, Long>> e) {
        WindowResult<String, Long> r = e.value();
        return "[" + r.window().startMillis() + "," + r.window().endMillis() + ") " + r.pane().timing() + "#"
                + r.pane().index() + " n=" + r.value() + " @" + e.timestampMillis();
    }

    @Test
    void firstPaneFiredByTheWatermarkIsOnTimeAtIndexZero() {
        var h = sessions(5, 0);
        h.processElement("a", 0).processElement("b", 1).advanceWatermark(4);
        assertThat(panes(h)).as("[0,6) is not complete at W=4").isEmpty();

        h.advanceWatermark(5);

        assertThat(panes(h)).containsExactly("[0,6) ON_TIME#0 n=2 @5");
    }

    @Test
    void sessionsMergedBeforeEitherEmittedFireOneOnTimePaneAtIndexZero() {
        var h = sessions(5, 0);
        h.processElement("a", 0).processElement("c", 10).processElement("bridge", 5).advanceWatermark(14);

        assertThat(panes(h)).containsExactly("[0,15) ON_TIME#0 n=3 @14");
    }

    @Test
    void lateElementBridgingTwoEmittedSessionsFiresOneLateUpdateForTheMergedSession() {
        var h = sessions(3_000, 30_000);
        h.processElement("a", 0).processElement("b", 5_000).advanceWatermark(10_000);
        assertThat(panes(h)).containsExactly("[0,3000) ON_TIME#0 n=1 @2999", "[5000,8000) ON_TIME#0 n=1 @7999");

        h.clearOutput().processElement("bridge", 2_500);

        assertThat(panes(h)).containsExactly("[0,8000) LATE#1 n=3 @7999");
        h.clearOutput().endInput();
        assertThat(panes(h)).as("nothing more once the merged session expires").isEmpty();
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void mergedSessionContinuesTheLargestPaneIndexOfTheSessionsItAbsorbed() {
        var h = sessions(3, 100);
        h.processElement("a", 0).advanceWatermark(2);
        h.processElement("a2", 1);
        h.processElement("b", 10).advanceWatermark(20);
        assertThat(panes(h)).containsExactly("[0,3) ON_TIME#0 n=1 @2", "[0,4) ON_TIME#1 n=2 @3",
                "[10,13) ON_TIME#0 n=1 @12");

        h.clearOutput().processElement("x", 4).processElement("y", 7);

        assertThat(panes(h)).as("[0,4) had emitted twice and [10,13) once; y bridges [0,7) and [10,13)")
                .containsExactly("[0,7) LATE#2 n=3 @6", "[0,13) LATE#3 n=5 @12");
    }

    @Test
    void lateElementExtendingACompleteSessionFiresALateUpdateAtOnce() {
        var h = sessions(5, 20);
        h.processElement("a", 0).advanceWatermark(10);
        assertThat(panes(h)).containsExactly("[0,5) ON_TIME#0 n=1 @4");

        h.clearOutput().processElement("late", 2);
        assertThat(panes(h)).as("[0,7) is complete at W=10").containsExactly("[0,7) LATE#1 n=2 @6");

        h.clearOutput().processElement("later", 4);
        assertThat(panes(h)).containsExactly("[0,9) LATE#2 n=3 @8");
        assertThat(h.lateDropped()).isZero();
    }

    @Test
    void lateElementExtendingAnEmittedSessionPastTheWatermarkWaitsForTheWatermarkAndFiresAnOnTimeUpdate() {
        var h = sessions(5, 20);
        h.processElement("a", 0).advanceWatermark(4);
        assertThat(panes(h)).containsExactly("[0,5) ON_TIME#0 n=1 @4");

        h.clearOutput().processElement("late", 3);
        assertThat(panes(h)).as("[0,8) is not complete at W=4").isEmpty();

        h.advanceWatermark(7);
        assertThat(panes(h)).containsExactly("[0,8) ON_TIME#1 n=2 @7");
    }

    @Test
    void lateElementCreatingANewCompleteSessionFiresALatePaneAtIndexZero() {
        var h = sessions(5, 20);
        h.processElement("future", 100).advanceWatermark(20);
        assertThat(panes(h)).isEmpty();

        h.processElement("late", 10);
        assertThat(panes(h)).as("[10,15) is complete at W=20 and expires only at 34")
                .containsExactly("[10,15) LATE#0 n=1 @14");
        assertThat(h.output().get(0).value().pane().isUpdate()).isFalse();

        h.clearOutput().processElement("late2", 12);
        assertThat(panes(h)).containsExactly("[10,17) LATE#1 n=2 @16");
    }

    @Test
    void elementNextToAnExpiredSessionStartsANewSessionAndOneWhoseOwnSessionIsExpiredIsSideOutput() {
        var h = sessions(5, 10);
        h.processElement("a", 0).advanceWatermark(14);
        assertThat(panes(h)).containsExactly("[0,5) ON_TIME#0 n=1 @4");
        assertThat(h.stateEntryCount()).as("[0,5) expired at W = 4 + 10").isZero();

        h.clearOutput().processElement("late", 3);
        assertThat(panes(h)).as("[3,8) expires only at 17: a new session, without the purged element")
                .containsExactly("[3,8) LATE#0 n=1 @7");

        h.clearOutput().advanceWatermark(17).processElement("too-late", 2);
        assertThat(panes(h)).isEmpty();
        assertThat(h.sideOutput(LATE)).containsExactly("too-late");
        assertThat(h.lateDropped()).isEqualTo(1);
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void processFunctionSeesTheMergedSessionsElementsInArrivalOrder() {
        var h = FunctionTestHarness.processWindow(SessionWindows.withGap(Duration.ofMillis(5)), (String s) -> "k",
                new Firings<String, String>(), WindowOptions.defaults());
        h.processElement("1st", 0).processElement("2nd", 10).processElement("3rd", 1).processElement("4th", 11)
                .processElement("5th-bridge", 6);

        h.endInput();

        assertThat(h.outputValues()).extracting(Fired::values)
                .containsExactly(List.of("1st", "2nd", "3rd", "4th", "5th-bridge"));
    }
}
