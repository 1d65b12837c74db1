package dev.weir.runtime.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Event;
import dev.weir.runtime.oracle.ScriptGenerators.JoinBounds;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Interval joins output exactly the pairs of non-late elements with equal keys within the inclusive bounds, each
 * once, stamped with the larger timestamp; for negative, positive and straddling bounds and {@code lower == upper}.
 */
class IntervalJoinOracleTest {

    @Property(tries = Tries.DEFAULT)
    void joinsExactlyTheOraclesPairs(@ForAll("scripts") Script script, @ForAll("bounds") JoinBounds bounds) {
        List<Event<Void, JoinOracle.Match>> out = EngineRuns.intervalJoin(script, bounds.lower(), bounds.upper());
        List<JoinOracle.Match> actual = out.stream()
                .map(e -> new JoinOracle.Match(e.value().leftId(), e.value().rightId(), e.timestampMillis()))
                .sorted().toList();

        assertThat(actual).as("interval join output (left id, right id)@timestamp, sorted")
                .isEqualTo(JoinOracle.run(script, bounds.lower(), bounds.upper()));
    }

    @Example
    void pairsOnlyNonLateElementsWithinInclusiveBounds() {
        List<JoinOracle.Match> actual = EngineRuns.intervalJoin(HAND_SCRIPT, -2, 3).stream()
                .map(e -> new JoinOracle.Match(e.value().leftId(), e.value().rightId(), e.timestampMillis()))
                .sorted().toList();

        assertThat(actual).isEqualTo(HAND_MATCHES);
    }

    /**
     * Bounds [-2, 3]; even values are left, odd right. Left #0@10 matches rights at 8..13 of key 0: #1@8 and #2@13,
     * not #3@14 nor #4 (key 1). At wm 11, right #5@11 and left #7@11 are late (ts <= W) though within bounds of
     * others; right #6@12 is not and matches #0. Left #8@12 matches the non-late rights at 10..15: #2, #3, #6.
     */
    static final Script HAND_SCRIPT = Script.of(
            Script.element(0, 0, 0, 10),
            Script.element(0, 1, 1, 8),
            Script.element(0, 2, 1, 13),
            Script.element(0, 3, 1, 14),
            Script.element(1, 4, 1, 11),
            Script.watermark(11),
            Script.element(0, 5, 1, 11),
            Script.element(0, 6, 1, 12),
            Script.element(0, 7, 2, 11),
            Script.element(0, 8, 2, 12));

    static final List<JoinOracle.Match> HAND_MATCHES = List.of(
            new JoinOracle.Match(0, 1, 10), new JoinOracle.Match(0, 2, 13), new JoinOracle.Match(0, 6, 12),
            new JoinOracle.Match(8, 2, 13), new JoinOracle.Match(8, 3, 14), new JoinOracle.Match(8, 6, 12));

    @Provide
    Arbitrary<Script> scripts() {
        return ScriptGenerators.scripts();
    }

    @Provide
    Arbitrary<JoinBounds> bounds() {
        return ScriptGenerators.joinBounds();
    }
}
