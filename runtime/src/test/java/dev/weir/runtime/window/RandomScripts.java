package dev.weir.runtime.window;

import dev.weir.runtime.oracle.Ev;
import dev.weir.runtime.oracle.Script;
import dev.weir.runtime.oracle.ScriptGenerators;
import dev.weir.runtime.testing.FunctionTestHarness;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Random out-of-order {@link Script}s for the state-cleanup properties of this package and of the join and operator
 * tests, and replaying them into a {@link FunctionTestHarness}. Uses the oracle suite's generator: a clock
 * walks forward, each element lags it by a random disorder (usually small, sometimes large), and watermarks follow
 * the largest timestamp seen at a random lag (sometimes slightly ahead), never decreasing. Shorter scripts than the
 * oracle suite's, since these properties check state, not every pane.
 */
public final class RandomScripts {
    /** Upper bound of steps per script; lengths are uniform in [1, MAX_STEPS]. */
    public static final int MAX_STEPS = 120;

    private RandomScripts() {
    }

    /** Scripts with timestamps {@code >= 0}. */
    public static Arbitrary<Script> scripts() {
        return scripts(0, true);
    }

    /** Scripts starting at -200 and crossing zero. */
    public static Arbitrary<Script> scriptsAroundZero() {
        return scripts(-200, false);
    }

    /** Allowed lateness in ms: 0 or positive, small or medium. */
    public static Arbitrary<Long> lateness() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(0L)),
                Tuple.of(4, Arbitraries.longs().between(1, 10)),
                Tuple.of(2, Arbitraries.longs().between(11, 60)));
    }

    /** Window sizes and session gaps in ms. */
    public static Arbitrary<Long> sizes() {
        return Arbitraries.longs().between(1, 20);
    }

    /** Feeds the script to a harness: elements with their timestamps, watermark steps as watermark advances. */
    public static <O> void replay(Script script, FunctionTestHarness<Ev, O> harness) {
        for (Script.Step step : script.steps()) {
            if (step instanceof Script.Step.Element e) {
                harness.processElement(e.ev(), e.ev().ts());
            } else if (step instanceof Script.Step.Watermark w) {
                harness.advanceWatermark(w.millis());
            }
        }
    }

    /** The largest element timestamp of the script, or 0 without elements. */
    public static long maxTimestamp(Script script) {
        return script.elements().stream().mapToLong(Ev::ts).max().orElse(0);
    }

    private static Arbitrary<Script> scripts(long origin, boolean clampAtOrigin) {
        return ScriptGenerators.scripts(origin, clampAtOrigin, MAX_STEPS, 4);
    }
}
