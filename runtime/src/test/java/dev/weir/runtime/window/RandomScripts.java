package dev.weir.runtime.window;

import dev.weir.runtime.oracle.Ev;
import dev.weir.runtime.oracle.Script;
import dev.weir.runtime.testing.FunctionTestHarness;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random out-of-order {@link Script}s for the state-cleanup properties of this package and of the join and operator
 * tests, and replaying them into a {@link FunctionTestHarness}. Same shape as the oracle suite's generator: a clock
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

    private record Draw(int kind, int key, int advance, int disorder, int lag, int value) {
    }

    private static Arbitrary<Script> scripts(long origin, boolean clampAtOrigin) {
        Arbitrary<Integer> keyCount = Arbitraries.integers().between(1, 4);
        Arbitrary<Integer> watermarkWeight = Arbitraries.integers().between(1, 4);
        Arbitrary<List<Draw>> draws = draws().list().ofMinSize(1).ofMaxSize(MAX_STEPS)
                .withSizeDistribution(RandomDistribution.uniform());
        return Combinators.combine(keyCount, watermarkWeight, draws)
                .as((keys, weight, ds) -> build(origin, clampAtOrigin, keys, weight, ds));
    }

    private static Arbitrary<Draw> draws() {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 9);
        Arbitrary<Integer> key = Arbitraries.integers().between(0, 3);
        Arbitrary<Integer> advance = Arbitraries.integers().between(0, 4);
        Arbitrary<Integer> disorder = Arbitraries.frequencyOf(
                Tuple.of(7, Arbitraries.integers().between(0, 3)),
                Tuple.of(2, Arbitraries.integers().between(0, 20)),
                Tuple.of(1, Arbitraries.integers().between(0, 80)));
        Arbitrary<Integer> lag = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(4, Arbitraries.integers().between(0, 10)),
                Tuple.of(2, Arbitraries.integers().between(0, 60)),
                Tuple.of(1, Arbitraries.integers().between(-3, -1)));
        Arbitrary<Integer> value = Arbitraries.integers().between(0, 99);
        return Combinators.combine(kind, key, advance, disorder, lag, value).as(Draw::new);
    }

    private static Script build(long origin, boolean clampAtOrigin, int keyCount, int watermarkWeight, List<Draw> draws) {
        List<Script.Step> steps = new ArrayList<>();
        long clock = origin;
        long maxTs = origin;
        long watermark = Long.MIN_VALUE;
        int nextId = 0;
        for (Draw d : draws) {
            if (d.kind() < watermarkWeight) {
                watermark = Math.max(watermark, maxTs - d.lag());
                steps.add(Script.watermark(watermark));
            } else {
                clock += d.advance();
                long ts = clock - d.disorder();
                if (clampAtOrigin) {
                    ts = Math.max(ts, origin);
                }
                maxTs = Math.max(maxTs, ts);
                steps.add(Script.element(d.key() % keyCount, nextId++, d.value(), ts));
            }
        }
        return new Script(steps);
    }
}
