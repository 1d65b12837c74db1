package dev.weir.runtime.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.Window;
import dev.weir.runtime.oracle.LatenessExamples.Case;
import dev.weir.runtime.oracle.LatenessExamples.Emitted;
import dev.weir.runtime.oracle.LatenessExamples.SessionCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The oracles themselves reproduce the hand-computed examples, so a property failure points at the engine. */
class OracleSelfTest {
    private static final long FIVE_MINUTES = 5 * WorkedExamples.MINUTE;

    @Test
    void windowOracleReproducesTheTumblingAndSlidingWorkedExamples() {
        assertOnTimeCounts(WindowOracle.run(WorkedExamples.sixEvents(), WindowOracle.tumbling(FIVE_MINUTES), 0),
                WorkedExamples.tumblingFiveMinutes());
        assertOnTimeCounts(WindowOracle.run(WorkedExamples.sixEvents(),
                        WindowOracle.sliding(FIVE_MINUTES, 2 * WorkedExamples.MINUTE), 0),
                WorkedExamples.slidingFiveMinutesEveryTwo());
    }

    @Test
    void sessionOracleReproducesTheWorkedExamples() {
        long gap = 3 * WorkedExamples.MINUTE;
        assertThat(sessionCounts(SessionOracle.run(WorkedExamples.sixEvents(), gap, 0)))
                .isEqualTo(new TreeMap<>(WorkedExamples.sessionsThreeMinuteGap()));
        assertThat(sessionCounts(SessionOracle.run(WorkedExamples.touchingEvents(), gap, 0)))
                .isEqualTo(new TreeMap<>(WorkedExamples.touchingSessionsMerged()));
    }

    @Test
    void windowOracleReproducesTheLatenessExamples() {
        assertCase(LatenessExamples.tumblingWithinAndBeyondLateness(), WindowOracle.tumbling(10), 5);
        assertCase(LatenessExamples.tumblingElementAtTheWatermarkIsLateWithoutLateness(), WindowOracle.tumbling(10), 0);
        assertCase(LatenessExamples.slidingElementLateForOneWindowJoinsTheOther(), WindowOracle.sliding(10, 5), 0);
        assertCase(LatenessExamples.tumblingFirstElementOfACompleteWindow(), WindowOracle.tumbling(10), 10);
    }

    @Test
    void sessionOracleReproducesTheLatenessExamples() {
        assertSessionCase(LatenessExamples.sessionLateElementExtendsThenExpires(), 5, 10);
        assertSessionCase(LatenessExamples.sessionRebuiltOverAPurgedOne(), 3, 0);
        SessionOracle.Outcome rebuilt = SessionOracle.run(LatenessExamples.sessionRebuiltOverAPurgedOne().script(), 3, 0);
        assertThat(rebuilt.sessions().get(0)).extracting(SessionOracle.Session::window)
                .containsExactly(new Window(0, 10), new Window(0, 11));
    }

    @Test
    void slidingAssignerReturnsExactlyTheWindowsThatContainTheTimestamp() {
        for (long size = 1; size <= 12; size++) {
            for (long slide = 1; slide <= size; slide++) {
                for (long ts = -40; ts <= 40; ts++) {
                    List<Window> expected = new ArrayList<>();
                    for (long start = -100; start <= 100; start++) {
                        if (Math.floorMod(start, slide) == 0 && start <= ts && ts < start + size) {
                            expected.add(new Window(start, start + size));
                        }
                    }
                    assertThat(WindowOracle.sliding(size, slide).windowsOf(ts))
                            .as("size %d slide %d ts %d", size, slide, ts).containsExactlyInAnyOrderElementsOf(expected);
                }
            }
        }
    }

    @Test
    void joinOracleReproducesTheHandExample() {
        assertThat(JoinOracle.run(IntervalJoinOracleTest.HAND_SCRIPT, -2, 3))
                .isEqualTo(IntervalJoinOracleTest.HAND_MATCHES);
    }

    @Test
    void finalViewDropsWindowsMergedIntoALaterOne() {
        Window a = new Window(0, 5);
        Window b = new Window(7, 9);
        Window merged = new Window(0, 9);
        Map<Window, String> view = Verdicts.finalView(List.of(
                Map.entry(a, "a1"), Map.entry(b, "b1"), Map.entry(a, "a2"), Map.entry(merged, "ab")));
        assertThat(view).isEqualTo(Map.of(merged, "ab"));
        assertThat(Verdicts.finalView(List.of(Map.entry(merged, "ab"), Map.entry(a, "a"))))
                .as("an earlier covering window does not supersede a later one").isEqualTo(Map.of(merged, "ab", a, "a"));
    }

    private static void assertOnTimeCounts(WindowOracle.Outcome outcome, Map<Window, Long> counts) {
        Map<Window, Long> actual = new TreeMap<>();
        outcome.firings().forEach((kw, firings) -> {
            assertThat(firings).hasSize(1);
            assertThat(firings.get(0).pane()).isEqualTo(new PaneInfo(PaneInfo.Timing.ON_TIME, 0));
            actual.put(kw.window(), (long) firings.get(0).elements().size());
        });
        assertThat(actual).isEqualTo(new TreeMap<>(counts));
        assertThat(outcome.late()).isEmpty();
    }

    private static Map<Window, Long> sessionCounts(SessionOracle.Outcome outcome) {
        Map<Window, Long> counts = new TreeMap<>();
        outcome.sessions().get(0).forEach(s -> counts.put(s.window(), (long) s.elements().size()));
        return counts;
    }

    private static void assertCase(Case c, WindowOracle.Assigner assigner, long lateness) {
        WindowOracle.Outcome outcome = WindowOracle.run(c.script(), assigner, lateness);
        List<Emitted> emitted = new ArrayList<>();
        outcome.firings().forEach((kw, firings) -> firings.forEach(f ->
                emitted.add(new Emitted(kw.window(), f.pane(), f.elements().size()))));
        assertThat(emitted).containsExactlyElementsOf(c.results());
        assertThat(outcome.late()).extracting(Ev::id).containsExactlyElementsOf(c.lateIds());
    }

    private static void assertSessionCase(SessionCase c, long gap, long lateness) {
        SessionOracle.Outcome outcome = SessionOracle.run(c.script(), gap, lateness);
        assertThat(Verdicts.sessionView(outcome, elements -> (long) elements.size()))
                .isEqualTo(Map.of(0, c.finalSessions()));
        assertThat(outcome.late()).extracting(Ev::id).containsExactlyElementsOf(c.lateIds());
    }
}
