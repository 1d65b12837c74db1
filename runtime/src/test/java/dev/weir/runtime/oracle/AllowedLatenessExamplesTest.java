package dev.weir.runtime.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Event;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.Window;
import dev.weir.api.window.WindowResult;
import dev.weir.api.window.WindowSpec;
import dev.weir.runtime.oracle.LatenessExamples.Case;
import dev.weir.runtime.oracle.LatenessExamples.Emitted;
import dev.weir.runtime.oracle.LatenessExamples.SessionCase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-written lateness scripts on the engine, with exact expected panes and side output (see {@link LatenessExamples}). */
class AllowedLatenessExamplesTest {

    @Test
    void lateElementWithinLatenessEmitsAnUpdatedLatePane() {
        Case c = LatenessExamples.tumblingWithinAndBeyondLateness();
        EngineRuns.WindowRun<WindowResult<Integer, CountSum>> run = runAggregate(c, TumblingWindows.of(ms(10)), 5);

        assertThat(emitted(run)).containsExactlyElementsOf(c.results());
        assertThat(run.results().get(1).value().pane().isUpdate()).as("the first LATE pane is an update").isTrue();
        assertStampedAtWindowEnd(run);
    }

    @Test
    void elementBeyondLatenessGoesToTheSideOutputWithItsTimestamp() {
        Case c = LatenessExamples.tumblingWithinAndBeyondLateness();
        EngineRuns.WindowRun<WindowResult<Integer, CountSum>> run = runAggregate(c, TumblingWindows.of(ms(10)), 5);

        assertThat(run.late()).extracting(e -> e.value().id(), Event::timestampMillis)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, 8L));
    }

    @Test
    void withoutLatenessAnElementAtTheWatermarkIsLate() {
        Case c = LatenessExamples.tumblingElementAtTheWatermarkIsLateWithoutLateness();
        assertCase(c, runAggregate(c, TumblingWindows.of(ms(10)), 0));
    }

    @Test
    void elementLateForOneSlidingWindowStillJoinsTheLiveOnes() {
        Case c = LatenessExamples.slidingElementLateForOneWindowJoinsTheOther();
        assertCase(c, runAggregate(c, SlidingWindows.of(ms(10), ms(5)), 0));
    }

    @Test
    void firstElementOfAnAlreadyCompleteWindowEmitsALatePaneAtIndexZero() {
        Case c = LatenessExamples.tumblingFirstElementOfACompleteWindow();
        EngineRuns.WindowRun<WindowResult<Integer, CountSum>> run = runAggregate(c, TumblingWindows.of(ms(10)), 10);

        assertCase(c, run);
        assertThat(run.results().get(0).value().pane().isUpdate()).as("nothing to replace").isFalse();
    }

    @Test
    void aCustomTriggerEquivalentToTheDefaultAlsoEmitsALatePaneAtIndexZero() {
        Case c = LatenessExamples.tumblingFirstElementOfACompleteWindow();
        assertCase(c, EngineRuns.aggregate(c.script(), TumblingWindows.of(ms(10)), 10, new DefaultEquivalentTrigger(),
                new CountSumAggregate()));
    }

    @Test
    void lateElementExtendsAFiredSessionAndOneBeyondLatenessIsSideOutput() {
        assertSessionCase(LatenessExamples.sessionLateElementExtendsThenExpires(), 5, 10);
    }

    @Test
    void sessionRebuiltAfterPurgeCoversThePurgedOne() {
        assertSessionCase(LatenessExamples.sessionRebuiltOverAPurgedOne(), 3, 0);
    }

    private static void assertSessionCase(SessionCase c, long gap, long lateness) {
        EngineRuns.WindowRun<WindowResult<Integer, CountSum>> run = EngineRuns.aggregate(c.script(),
                SessionWindows.withGap(ms(gap)), lateness, new CountSumAggregate());

        Map<Integer, Map<Window, Long>> view = Verdicts.sessionView(run.results(), WindowResult::key,
                WindowResult::window, r -> r.value().count());
        assertThat(view).isEqualTo(Map.of(0, c.finalSessions()));
        assertThat(run.late()).extracting(e -> e.value().id()).containsExactlyElementsOf(c.lateIds());
        assertStampedAtWindowEnd(run);
    }

    private static EngineRuns.WindowRun<WindowResult<Integer, CountSum>> runAggregate(Case c, WindowSpec spec, long lateness) {
        return EngineRuns.aggregate(c.script(), spec, lateness, new CountSumAggregate());
    }

    private static void assertCase(Case c, EngineRuns.WindowRun<WindowResult<Integer, CountSum>> run) {
        assertThat(emitted(run)).containsExactlyElementsOf(c.results());
        assertThat(run.late()).extracting(e -> e.value().id()).containsExactlyElementsOf(c.lateIds());
        assertThat(run.late()).allSatisfy(e -> assertThat(e.timestampMillis()).isEqualTo(e.value().ts()));
        assertStampedAtWindowEnd(run);
    }

    private static List<Emitted> emitted(EngineRuns.WindowRun<WindowResult<Integer, CountSum>> run) {
        return run.results().stream()
                .map(e -> new Emitted(e.value().window(), e.value().pane(), e.value().value().count())).toList();
    }

    private static void assertStampedAtWindowEnd(EngineRuns.WindowRun<WindowResult<Integer, CountSum>> run) {
        assertThat(run.results()).allSatisfy(e ->
                assertThat(e.timestampMillis()).isEqualTo(e.value().window().maxTimestampMillis()));
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
