package dev.weir.runtime.oracle;

import static dev.weir.runtime.oracle.WorkedExamples.sixEvents;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.Window;
import dev.weir.api.window.WindowResult;
import dev.weir.api.window.WindowSpec;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The worked examples of the window javadoc, run on the engine: each window fires once, on time, with these counts. */
class WindowWorkedExamplesTest {

    @Test
    void tumblingFiveMinuteWindowsCountThreeTwoOne() {
        assertEachWindowFiresOnceOnTime(sixEvents(), TumblingWindows.of(Duration.ofMinutes(5)),
                WorkedExamples.tumblingFiveMinutes());
    }

    @Test
    void slidingFiveMinuteWindowsEveryTwoMinutesCountEachEventInEveryWindowThatContainsIt() {
        assertEachWindowFiresOnceOnTime(sixEvents(), SlidingWindows.of(Duration.ofMinutes(5), Duration.ofMinutes(2)),
                WorkedExamples.slidingFiveMinutesEveryTwo());
    }

    @Test
    void sessionsWithThreeMinuteGapSplitAtTheFourMinutePause() {
        assertEachWindowFiresOnceOnTime(sixEvents(), SessionWindows.withGap(Duration.ofMinutes(3)),
                WorkedExamples.sessionsThreeMinuteGap());
    }

    @Test
    void sessionsThatTouchMerge() {
        assertEachWindowFiresOnceOnTime(WorkedExamples.touchingEvents(), SessionWindows.withGap(Duration.ofMinutes(3)),
                WorkedExamples.touchingSessionsMerged());
    }

    private static void assertEachWindowFiresOnceOnTime(Script script, WindowSpec spec, Map<Window, Long> counts) {
        EngineRuns.WindowRun<WindowResult<Integer, CountSum>> run =
                EngineRuns.aggregate(script, spec, 0, new CountSumAggregate());

        Map<Window, Long> actual = new TreeMap<>();
        run.results().forEach(e -> actual.merge(e.value().window(), e.value().value().count(), (a, b) -> -1L));
        assertThat(actual).as("window -> count (-1: emitted more than once)").isEqualTo(new TreeMap<>(counts));
        assertThat(run.results()).allSatisfy(e -> {
            assertThat(e.value().pane()).isEqualTo(new PaneInfo(PaneInfo.Timing.ON_TIME, 0));
            assertThat(e.value().key()).isZero();
            assertThat(e.timestampMillis()).isEqualTo(e.value().window().maxTimestampMillis());
        });
        assertThat(run.late()).isEmpty();
    }
}
