package dev.weir.runtime.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Headers;
import dev.weir.api.function.JoinFunction;
import dev.weir.api.function.KeySelector;
import dev.weir.runtime.graph.ErrorPolicy;
import dev.weir.runtime.operator.Input;
import dev.weir.runtime.operator.OperatorContext;
import dev.weir.runtime.operator.OperatorMetrics;
import dev.weir.runtime.operator.RecordingOutput;
import dev.weir.runtime.oracle.Ev;
import dev.weir.runtime.oracle.Script;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.heap.HeapKeyedStateBackend;
import dev.weir.runtime.time.ManualClock;
import dev.weir.runtime.time.ProcessingTimeService;
import dev.weir.runtime.window.RandomScripts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The interval join's buffers: a left element is kept until the watermark reaches {@code l.ts + upper}, a right one
 * until it reaches {@code r.ts - lower}, and not a moment longer (docs/concepts/time.md). Checked exactly against a
 * brute-force count after every watermark advance of random scripts, and by hand for the boundaries, late elements
 * and idle inputs. The operator is driven directly, with a heap backend whose entries are (key, side) buffers.
 */
class IntervalJoinStateTest {
    private static final KeySelector<Ev, Integer> BY_KEY = Ev::key;
    private static final KeySelector<String, String> FIRST_LETTER = s -> s.substring(0, 1);

    /** An interval join operator with its inputs, output, state and metrics. */
    private record Rig<T>(IntervalJoinOperator<?, T, T, String> op, Input<T> left, Input<T> right,
                          RecordingOutput<String> out, HeapKeyedStateBackend<?> backend, OperatorMetrics metrics) {
        static <K, T> Rig<T> create(KeySelector<T, K> keys, long lower, long upper) {
            OperatorMetrics metrics = new OperatorMetrics("join");
            OperatorContext ctx = new OperatorContext("join", metrics, new ProcessingTimeService(new ManualClock(0)),
                    ErrorPolicy.FAIL, KeyGroups.DEFAULT_NUMBER);
            HeapKeyedStateBackend<K> backend = HeapKeyedStateBackend.forAllKeyGroups(KeyGroups.DEFAULT_NUMBER);
            RecordingOutput<String> out = new RecordingOutput<>();
            JoinFunction<T, T, String> pair = (l, r, c, o) -> o.emit(l + "+" + r);
            IntervalJoinOperator<K, T, T, String> op =
                    new IntervalJoinOperator<>(ctx, pair, null, keys, keys, backend, out, lower, upper);
            return new Rig<>(op, op.left(), op.right(), out, backend, metrics);
        }

        void watermark(long w) {
            left.watermark(w);
            right.watermark(w);
        }
    }

    private static boolean isLeft(Ev ev) {
        return ev.value() % 2 == 0;
    }

    @Property(tries = 500)
    void buffersHoldExactlyTheElementsThatCanStillMatchAfterEveryWatermark(
            @ForAll("scripts") Script script, @ForAll("lowers") long lower, @ForAll("widths") long width) {
        long upper = lower + width;
        Rig<Ev> rig = Rig.create(BY_KEY, lower, upper);
        List<Ev> acceptedLeft = new ArrayList<>();
        List<Ev> acceptedRight = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        for (Script.Step step : script.steps()) {
            if (step instanceof Script.Step.Element e) {
                Ev ev = e.ev();
                boolean left = isLeft(ev);
                (left ? rig.left() : rig.right()).element(ev, ev.ts(), Headers.EMPTY);
                if (ev.ts() > watermark) {
                    (left ? acceptedLeft : acceptedRight).add(ev);
                }
            } else if (step instanceof Script.Step.Watermark w && w.millis() > watermark) {
                watermark = w.millis();
                rig.watermark(watermark);
                long wm = watermark;
                Set<Integer> leftKeys = new HashSet<>();
                Set<Integer> rightKeys = new HashSet<>();
                acceptedLeft.stream().filter(l -> l.ts() + upper > wm).forEach(l -> leftKeys.add(l.key()));
                acceptedRight.stream().filter(r -> r.ts() - lower > wm).forEach(r -> rightKeys.add(r.key()));
                assertThat(rig.backend().entryCount())
                        .as("(key, side) buffers after wm(%d), bounds [%d, %d]", wm, lower, upper)
                        .isEqualTo(leftKeys.size() + rightKeys.size());
            }
        }
        long lateCount = script.elements().size() - acceptedLeft.size() - acceptedRight.size();
        assertThat(rig.metrics().lateDropped()).isEqualTo(lateCount);

        rig.left().endOfInput();
        rig.right().endOfInput();

        assertThat(rig.backend().entryCount()).as("nothing buffered after both inputs ended").isZero();
        assertThat(rig.out().log()).endsWith("wm:END", "end");
    }

    @Test
    void leftElementIsKeptUntilTheWatermarkReachesItsTimestampPlusUpperAndStillMatchesUntilThen() {
        Rig<String> rig = Rig.create(FIRST_LETTER, -2, 3);
        rig.left().element("a-left", 10, Headers.EMPTY);
        rig.watermark(12);
        assertThat(rig.backend().entryCount()).isEqualTo(1);

        rig.right().element("a-right", 13, Headers.EMPTY);
        assertThat(rig.out().values()).as("13 <= 10 + 3, and 13 > W: not late").containsExactly("a-left+a-right");
        assertThat(rig.out().log()).contains("a-left+a-right@13");

        rig.watermark(13);
        assertThat(rig.backend().entryCount()).as("left evicted at 13; right a-right@13 kept until 13 + 2")
                .isEqualTo(1);
        rig.watermark(14);
        assertThat(rig.backend().entryCount()).isEqualTo(1);
        rig.watermark(15);
        assertThat(rig.backend().entryCount()).isZero();
    }

    @Test
    void rightElementIsKeptUntilTheWatermarkReachesItsTimestampMinusLowerAndStillMatchesUntilThen() {
        Rig<String> rig = Rig.create(FIRST_LETTER, -2, 3);
        rig.right().element("a-right", 10, Headers.EMPTY);
        rig.watermark(11);
        rig.left().element("a-left", 12, Headers.EMPTY);
        assertThat(rig.out().values()).as("12 - 2 <= 10").containsExactly("a-left+a-right");

        rig.watermark(12);
        assertThat(rig.backend().entryCount()).as("right evicted at 10 + 2; left kept until 12 + 3").isEqualTo(1);
        rig.watermark(15);
        assertThat(rig.backend().entryCount()).isZero();
    }

    @Test
    void elementsAtOrBelowTheWatermarkAreCountedAsLateAndNeitherJoinNorStay() {
        Rig<String> rig = Rig.create(FIRST_LETTER, -5, 5);
        rig.left().element("a-left", 10, Headers.EMPTY);
        rig.watermark(8);
        rig.right().element("a-late", 8, Headers.EMPTY);
        rig.left().element("a-late-left", 7, Headers.EMPTY);

        assertThat(rig.out().values()).isEmpty();
        assertThat(rig.metrics().lateDropped()).isEqualTo(2);
        assertThat(rig.backend().entryCount()).as("only a-left").isEqualTo(1);
    }

    @Test
    void watermarkIsTheMinimumOfBothInputsAndIsForwardedAfterTheEvictions() {
        Rig<String> rig = Rig.create(FIRST_LETTER, 0, 0);
        rig.left().element("a-left", 5, Headers.EMPTY);
        rig.left().watermark(100);
        assertThat(rig.out().log()).as("right input has no watermark yet").doesNotContain("wm:100");
        assertThat(rig.backend().entryCount()).isEqualTo(1);

        rig.right().watermark(7);

        assertThat(rig.out().log()).containsExactly("wm:7");
        assertThat(rig.backend().entryCount()).isZero();
    }

    @Test
    void idleInputDoesNotHoldBackTheWatermarkAndItsReturningElementsBehindItAreLate() {
        Rig<String> rig = Rig.create(FIRST_LETTER, -5, 5);
        rig.left().element("a-left", 10, Headers.EMPTY);
        rig.left().watermark(50);
        assertThat(rig.backend().entryCount()).isEqualTo(1);

        rig.right().idle(true);
        assertThat(rig.out().log()).containsExactly("wm:50");
        assertThat(rig.backend().entryCount()).as("a-left evicted at 10 + 5").isZero();

        rig.left().idle(true);
        assertThat(rig.out().log()).containsExactly("wm:50", "idle:true");

        rig.right().idle(false);
        rig.right().element("a-right", 12, Headers.EMPTY);
        assertThat(rig.out().log()).containsExactly("wm:50", "idle:true", "idle:false");
        assertThat(rig.metrics().lateDropped()).as("12 <= W = 50").isEqualTo(1);
        rig.right().watermark(60);
        assertThat(rig.out().log()).as("the watermark never goes back; the active right input now leads")
                .containsExactly("wm:50", "idle:true", "idle:false", "wm:60");
    }

    @Provide
    Arbitrary<Script> scripts() {
        return Arbitraries.oneOf(RandomScripts.scripts(), RandomScripts.scriptsAroundZero());
    }

    @Provide
    Arbitrary<Long> lowers() {
        return Arbitraries.longs().between(-20, 20);
    }

    @Provide
    Arbitrary<Long> widths() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0L)),
                Tuple.of(8, Arbitraries.longs().between(0, 25)));
    }
}
