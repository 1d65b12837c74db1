package dev.weir.runtime.oracle;

import static dev.weir.runtime.oracle.Verdicts.assertSameLate;
import static dev.weir.runtime.oracle.Verdicts.assertSamePanes;
import static dev.weir.runtime.oracle.Verdicts.assertStampedWithWindowMaxTimestamp;

import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.WindowResult;
import dev.weir.runtime.oracle.ScriptGenerators.SlidingShape;
import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Sliding windows with an incremental aggregate (which the engine computes from panes of gcd(size, slide)):
 * every pane of every window, and the late side output, as the element-by-element oracle says. Shapes include
 * slide == size and sizes that are no multiple of the slide (5/2).
 */
class SlidingWindowOracleTest {

    @Property(tries = Tries.DEFAULT)
    void everyWindowEmitsExactlyTheOraclesPanes(@ForAll("scripts") Script script, @ForAll("shapes") SlidingShape shape,
                                                @ForAll("lateness") long lateness) {
        check(script, shape, lateness);
    }

    @Property(tries = Tries.FEW)
    void windowsAlignToMultiplesOfTheSlideAcrossZero(@ForAll("scriptsAroundZero") Script script,
                                                    @ForAll("shapes") SlidingShape shape, @ForAll("lateness") long lateness) {
        check(script, shape, lateness);
    }

    @Property(tries = Tries.FEW)
    void aCustomTriggerEquivalentToTheDefaultEmitsTheSamePanes(@ForAll("scripts") Script script,
                                                              @ForAll("shapes") SlidingShape shape,
                                                              @ForAll("lateness") long lateness) {
        check(script, shape, lateness, EngineRuns.aggregate(script, spec(shape), lateness,
                new DefaultEquivalentTrigger(), new CountSumAggregate()));
    }

    private static SlidingWindows spec(SlidingShape shape) {
        return SlidingWindows.of(Duration.ofMillis(shape.size()), Duration.ofMillis(shape.slide()));
    }

    private static void check(Script script, SlidingShape shape, long lateness) {
        check(script, shape, lateness, EngineRuns.aggregate(script, spec(shape), lateness, new CountSumAggregate()));
    }

    private static void check(Script script, SlidingShape shape, long lateness,
                              EngineRuns.WindowRun<WindowResult<Integer, CountSum>> run) {
        WindowOracle.Outcome expected = WindowOracle.run(script, WindowOracle.sliding(shape.size(), shape.slide()), lateness);

        assertSamePanes(expected.panes(CountSum::of), Verdicts.panesOfResults(run.results()));
        assertSameLate(expected.late(), run.late());
        assertStampedWithWindowMaxTimestamp(run.results(), WindowResult::window);
    }

    @Provide
    Arbitrary<Script> scripts() {
        return ScriptGenerators.scripts();
    }

    @Provide
    Arbitrary<Script> scriptsAroundZero() {
        return ScriptGenerators.scriptsAroundZero();
    }

    @Provide
    Arbitrary<SlidingShape> shapes() {
        return ScriptGenerators.slidingShapes();
    }

    @Provide
    Arbitrary<Long> lateness() {
        return ScriptGenerators.lateness();
    }
}
