package dev.weir.runtime.oracle;

import static dev.weir.runtime.oracle.Verdicts.assertSameLate;
import static dev.weir.runtime.oracle.Verdicts.assertSamePanes;
import static dev.weir.runtime.oracle.Verdicts.assertStampedWithWindowMaxTimestamp;

import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.WindowResult;
import dev.weir.runtime.graph.KeyPartitioning;
import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Tumbling windows with allowed lateness: every pane of every window, and the late side output, as the oracle says. */
class TumblingWindowOracleTest {

    @Property(tries = Tries.DEFAULT)
    void everyWindowEmitsExactlyTheOraclesPanes(@ForAll("scripts") Script script, @ForAll("sizes") long size,
                                                @ForAll("lateness") long lateness) {
        check(script, size, lateness);
    }

    @Property(tries = Tries.FEW)
    void windowsAlignToMultiplesOfTheSizeAcrossZero(@ForAll("scriptsAroundZero") Script script,
                                                   @ForAll("sizes") long size, @ForAll("lateness") long lateness) {
        check(script, size, lateness);
    }

    @Property(tries = Tries.FEW)
    void aCustomTriggerEquivalentToTheDefaultEmitsTheSamePanes(@ForAll("scripts") Script script,
                                                              @ForAll("sizes") long size, @ForAll("lateness") long lateness) {
        check(script, size, lateness, EngineRuns.aggregate(script, TumblingWindows.of(Duration.ofMillis(size)), lateness,
                new DefaultEquivalentTrigger(), new CountSumAggregate()));
    }

    @Property(tries = Tries.FEW)
    void keyGroupsThatFollowTheSourcePartitionsEmitTheSamePanes(@ForAll("scripts") Script script,
                                                                @ForAll("sizes") long size,
                                                                @ForAll("lateness") long lateness) {
        check(script, size, lateness, EngineRuns.aggregate(script, TumblingWindows.of(Duration.ofMillis(size)), lateness,
                KeyPartitioning.sourcePartitions(), new CountSumAggregate()));
    }

    private static void check(Script script, long size, long lateness) {
        check(script, size, lateness,
                EngineRuns.aggregate(script, TumblingWindows.of(Duration.ofMillis(size)), lateness, new CountSumAggregate()));
    }

    private static void check(Script script, long size, long lateness,
                              EngineRuns.WindowRun<WindowResult<Integer, CountSum>> run) {
        WindowOracle.Outcome expected = WindowOracle.run(script, WindowOracle.tumbling(size), lateness);

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
    Arbitrary<Long> sizes() {
        return ScriptGenerators.sizes();
    }

    @Provide
    Arbitrary<Long> lateness() {
        return ScriptGenerators.lateness();
    }
}
