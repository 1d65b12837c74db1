package dev.weir.runtime.oracle;

import static dev.weir.runtime.oracle.Verdicts.assertSameLate;
import static dev.weir.runtime.oracle.Verdicts.assertSamePanes;
import static dev.weir.runtime.oracle.Verdicts.assertStampedWithWindowMaxTimestamp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.Window;
import dev.weir.api.window.WindowSpec;
import dev.weir.runtime.oracle.ScriptGenerators.SlidingShape;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Process window functions see exactly the elements the oracle puts in each pane: checked element by element
 * (ids), for tumbling and sliding windows, and in arrival order as {@code ProcessWindowFunction} promises.
 */
class ProcessWindowFunctionOracleTest {

    @Property(tries = Tries.DEFAULT)
    void tumblingPanesHoldExactlyTheOraclesElements(@ForAll("scripts") Script script, @ForAll("sizes") long size,
                                                   @ForAll("lateness") long lateness) {
        check(script, TumblingWindows.of(Duration.ofMillis(size)), WindowOracle.tumbling(size), lateness,
                Verdicts::sorted);
    }

    @Property(tries = Tries.DEFAULT)
    void slidingPanesHoldExactlyTheOraclesElements(@ForAll("scripts") Script script,
                                                  @ForAll("shapes") SlidingShape shape, @ForAll("lateness") long lateness) {
        check(script, SlidingWindows.of(Duration.ofMillis(shape.size()), Duration.ofMillis(shape.slide())),
                WindowOracle.sliding(shape.size(), shape.slide()), lateness, Verdicts::sorted);
    }

    @Property(tries = Tries.FEW)
    void elementsAreHandedOverInArrivalOrder(@ForAll("scripts") Script script, @ForAll("shapes") SlidingShape shape,
                                             @ForAll("lateness") long lateness) {
        check(script, SlidingWindows.of(Duration.ofMillis(shape.size()), Duration.ofMillis(shape.slide())),
                WindowOracle.sliding(shape.size(), shape.slide()), lateness, Function.identity());
    }

    @Example
    void slidingWindowHandsOverOutOfOrderElementsInArrivalOrder() {
        Script script = Script.of(Script.element(0, 0, 0, 1), Script.element(0, 1, 0, 0));
        EngineRuns.WindowRun<Contents> run =
                EngineRuns.contents(script, SlidingWindows.of(Duration.ofMillis(5), Duration.ofMillis(2)), 0);

        assertThat(run.results()).filteredOn(e -> e.value().window().equals(new Window(0, 5)))
                .singleElement().extracting(e -> e.value().ids()).isEqualTo(List.of(0, 1));
    }

    /** {@code view} maps the ids a pane holds (in arrival order) to what is compared. */
    private static void check(Script script, WindowSpec spec, WindowOracle.Assigner assigner, long lateness,
                              Function<List<Integer>, List<Integer>> view) {
        EngineRuns.WindowRun<Contents> run = EngineRuns.contents(script, spec, lateness);
        WindowOracle.Outcome expected = WindowOracle.run(script, assigner, lateness);

        assertSamePanes(expected.panes(elements -> view.apply(Verdicts.idsOf(elements))),
                Verdicts.panesOfContents(run.results(), view));
        assertSameLate(expected.late(), run.late());
        assertStampedWithWindowMaxTimestamp(run.results(), Contents::window);
    }

    @Provide
    Arbitrary<Script> scripts() {
        return ScriptGenerators.scripts();
    }

    @Provide
    Arbitrary<Long> sizes() {
        return ScriptGenerators.sizes();
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
