package dev.weir.runtime.oracle;

import static dev.weir.runtime.oracle.Script.element;
import static dev.weir.runtime.oracle.Script.watermark;

import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.PaneInfo.Timing;
import dev.weir.api.window.Window;
import java.util.List;
import java.util.Map;

/**
 * Hand-written lateness scripts (milliseconds, one key) with their exact expected output, shared by the engine
 * tests and the oracle self-test.
 */
final class LatenessExamples {

    private LatenessExamples() {
    }

    /** One emitted window result: window, pane and count; its timestamp must be {@code end - 1}. */
    record Emitted(Window window, PaneInfo pane, long count) {
        static Emitted of(long start, long end, Timing timing, int index, long count) {
            return new Emitted(new Window(start, end), new PaneInfo(timing, index), count);
        }

        @Override
        public String toString() {
            return KeyedWindow.format(window) + " " + pane.timing() + "#" + pane.index() + " n=" + count;
        }
    }

    /** A script with its expected window output (in emission order) and late side output (ids). */
    record Case(Script script, List<Emitted> results, List<Integer> lateIds) {
    }

    /**
     * Tumbling 10 ms, lateness 5 ms. [0,10) fires on time at wm 9 with 2 elements; elements at 7 (wm 9) and 6
     * (wm 13) are within lateness (9 + 5 = 14 > W) and each emits a LATE update; at wm 14 [0,10) expires, so the
     * element at 8 goes to the side output; [10,20) fires at the end.
     */
    static Case tumblingWithinAndBeyondLateness() {
        Script script = Script.of(
                element(0, 0, 1, 3), element(0, 1, 1, 5),
                watermark(9),
                element(0, 2, 1, 7),
                watermark(13),
                element(0, 3, 1, 6),
                watermark(14),
                element(0, 4, 1, 8),
                element(0, 5, 1, 12));
        return new Case(script, List.of(
                Emitted.of(0, 10, Timing.ON_TIME, 0, 2),
                Emitted.of(0, 10, Timing.LATE, 1, 3),
                Emitted.of(0, 10, Timing.LATE, 2, 4),
                Emitted.of(10, 20, Timing.ON_TIME, 0, 1)), List.of(4));
    }

    /** Tumbling 10 ms, no lateness: at wm 9 the element at 9 is late (9 <= W), the one at 10 is not. */
    static Case tumblingElementAtTheWatermarkIsLateWithoutLateness() {
        Script script = Script.of(
                element(0, 0, 1, 3),
                watermark(9),
                element(0, 1, 1, 9),
                element(0, 2, 1, 10));
        return new Case(script, List.of(
                Emitted.of(0, 10, Timing.ON_TIME, 0, 1),
                Emitted.of(10, 20, Timing.ON_TIME, 0, 1)), List.of(1));
    }

    /** Sliding 10/5 ms, no lateness: at wm 12 an element at 8 misses expired [0,10) but joins live [5,15). */
    static Case slidingElementLateForOneWindowJoinsTheOther() {
        Script script = Script.of(
                watermark(12),
                element(0, 0, 1, 8));
        return new Case(script, List.of(Emitted.of(5, 15, Timing.ON_TIME, 0, 1)), List.of());
    }

    /**
     * Tumbling 10 ms, lateness 10 ms: the first element of [0,10) arrives at wm 12, within lateness; the window is
     * already complete, so it fires at once as a LATE pane, index 0 since nothing was emitted for it before.
     */
    static Case tumblingFirstElementOfACompleteWindow() {
        Script script = Script.of(
                watermark(12),
                element(0, 0, 1, 5));
        return new Case(script, List.of(Emitted.of(0, 10, Timing.LATE, 0, 1)), List.of());
    }

    /** A session script with its expected final view (window -> count) and late side output (ids). */
    record SessionCase(Script script, Map<Window, Long> finalSessions, List<Integer> lateIds) {
    }

    /**
     * Sessions gap 5 ms, lateness 10 ms: [0,5) fires at wm 4; the element at 3 extends it to [0,8) (not expired);
     * at wm 20 [0,8) expires (7 + 10 <= 20); then an element at 1 would open [1,6), expired: late.
     */
    static SessionCase sessionLateElementExtendsThenExpires() {
        Script script = Script.of(
                element(0, 0, 1, 0),
                watermark(4),
                element(0, 1, 1, 3),
                watermark(20),
                element(0, 2, 1, 1));
        return new SessionCase(script, Map.of(new Window(0, 8), 2L), List.of(2));
    }

    /**
     * Sessions gap 3 ms, no lateness: [0,10) (elements at 0, 3, 6, 7) is purged at wm 9. Then elements at 8, 5, 2
     * and 0 arrive, each extending a new session backwards that is never expired, ending as [0,11), which strictly
     * covers the purged [0,10): both are final sessions, and the final view keeps only the later, covering one.
     */
    static SessionCase sessionRebuiltOverAPurgedOne() {
        Script script = Script.of(
                element(0, 0, 1, 0), element(0, 1, 1, 3), element(0, 2, 1, 6), element(0, 3, 1, 7),
                watermark(9),
                element(0, 4, 1, 8), element(0, 5, 1, 5), element(0, 6, 1, 2), element(0, 7, 1, 0));
        return new SessionCase(script, Map.of(new Window(0, 11), 4L), List.of());
    }
}
