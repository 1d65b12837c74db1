package dev.weir.runtime.oracle;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Random out-of-order scripts and window parameters. A script walks a clock forward; each element's timestamp
 * is the clock minus a random disorder (usually small, sometimes large), and watermarks are inserted at random
 * points at a random lag behind the largest timestamp seen so far (often 0, sometimes far behind, sometimes
 * slightly ahead of the data), never decreasing. All draws are jqwik arbitraries, so failures shrink.
 */
public final class ScriptGenerators {
    /**
     * Upper bound of steps (elements plus watermarks) per script. Lengths are uniform in [1, MAX_STEPS] (jqwik's
     * default favours tiny lists), so most scripts have 20 to 300 steps while failures can still shrink to a few.
     */
    static final int MAX_STEPS = 300;

    private ScriptGenerators() {
    }

    /** Scripts with timestamps {@code >= 0}. */
    static Arbitrary<Script> scripts() {
        return scripts(0, true);
    }

    /** Scripts whose timestamps start at -300 and cross zero, for window alignment of negative timestamps. */
    static Arbitrary<Script> scriptsAroundZero() {
        return scripts(-300, false);
    }

    /** Allowed lateness in ms: often 0, otherwise small or medium. */
    static Arbitrary<Long> lateness() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(0L)),
                Tuple.of(4, Arbitraries.longs().between(1, 10)),
                Tuple.of(2, Arbitraries.longs().between(11, 60)));
    }

    /** Window sizes, slides and gaps in ms. */
    static Arbitrary<Long> sizes() {
        return Arbitraries.longs().between(1, 20);
    }

    /** Sliding window shapes: slide == size, the worked-example 5/2, and any slide in [1, size]. */
    static Arbitrary<SlidingShape> slidingShapes() {
        Arbitrary<SlidingShape> any = sizes().flatMap(size ->
                Arbitraries.longs().between(1, size).map(slide -> new SlidingShape(size, slide)));
        return Arbitraries.frequencyOf(
                Tuple.of(2, sizes().map(size -> new SlidingShape(size, size))),
                Tuple.of(1, Arbitraries.just(new SlidingShape(5, 2))),
                Tuple.of(7, any));
    }

    /** Interval join bounds: negative, positive, straddling zero, and {@code lower == upper}. */
    static Arbitrary<JoinBounds> joinBounds() {
        Arbitrary<Long> lower = Arbitraries.longs().between(-20, 20);
        Arbitrary<Long> width = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0L)),
                Tuple.of(8, Arbitraries.longs().between(0, 25)));
        return Combinators.combine(lower, width).as((l, w) -> new JoinBounds(l, l + w));
    }

    /** Window size and slide in ms. */
    record SlidingShape(long size, long slide) {
    }

    /** Interval join bounds in ms, both inclusive. */
    record JoinBounds(long lower, long upper) {
    }

    private static Arbitrary<Script> scripts(long origin, boolean clampAtOrigin) {
        return scripts(origin, clampAtOrigin, MAX_STEPS, 5);
    }

    /**
     * Random scripts: up to {@code maxSteps} steps over 1 to {@code maxKeys} keys, starting at {@code origin}
     * (timestamps clamped there if {@code clampAtOrigin}). Shared with the state-cleanup properties.
     */
    public static Arbitrary<Script> scripts(long origin, boolean clampAtOrigin, int maxSteps, int maxKeys) {
        Arbitrary<Integer> keyCount = Arbitraries.integers().between(1, maxKeys);
        Arbitrary<Integer> watermarkWeight = Arbitraries.integers().between(1, 4);
        Arbitrary<List<Draw>> draws = draws(maxKeys).list().ofMinSize(1).ofMaxSize(maxSteps)
                .withSizeDistribution(RandomDistribution.uniform());
        return Combinators.combine(keyCount, watermarkWeight, draws)
                .as((keys, weight, ds) -> build(origin, clampAtOrigin, keys, weight, ds));
    }

    /** The raw random choices of one step; {@link #build} turns them into an element or a watermark. */
    private record Draw(int kind, int key, int advance, int disorder, int lag, int value) {
    }

    private static Arbitrary<Draw> draws(int maxKeys) {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 9);
        Arbitrary<Integer> key = Arbitraries.integers().between(0, maxKeys - 1);
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

    /** A step is a watermark when {@code kind < watermarkWeight}, so 10% to 40% of steps are watermarks. */
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
