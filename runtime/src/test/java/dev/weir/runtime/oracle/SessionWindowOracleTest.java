package dev.weir.runtime.oracle;

import static dev.weir.runtime.oracle.Verdicts.assertSameLate;
import static dev.weir.runtime.oracle.Verdicts.assertSameSessions;
import static dev.weir.runtime.oracle.Verdicts.assertStampedWithWindowMaxTimestamp;

import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.WindowResult;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Session windows with allowed lateness. Sessions merge as late elements bridge them, so intermediate emissions
 * are not compared; the engine's final view (last emission per window, without windows later merged into a
 * bigger one) must equal the oracle's sessions, and the late side output must match exactly.
 */
class SessionWindowOracleTest {

    @Property(tries = Tries.DEFAULT)
    void finalSessionsAndLateElementsMatchTheOracle(@ForAll("scripts") Script script, @ForAll("gaps") long gap,
                                                   @ForAll("lateness") long lateness) {
        EngineRuns.WindowRun<WindowResult<Integer, CountSum>> run =
                EngineRuns.aggregate(script, SessionWindows.withGap(Duration.ofMillis(gap)), lateness, new CountSumAggregate());
        SessionOracle.Outcome expected = SessionOracle.run(script, gap, lateness);

        assertSameSessions(Verdicts.sessionView(expected, CountSum::of),
                Verdicts.sessionView(run.results(), WindowResult::key, WindowResult::window, WindowResult::value));
        assertSameLate(expected.late(), run.late());
        assertStampedWithWindowMaxTimestamp(run.results(), WindowResult::window);
    }

    @Property(tries = Tries.FEW)
    void finalSessionsHoldExactlyTheOraclesElements(@ForAll("scripts") Script script, @ForAll("gaps") long gap,
                                                   @ForAll("lateness") long lateness) {
        EngineRuns.WindowRun<Contents> run =
                EngineRuns.contents(script, SessionWindows.withGap(Duration.ofMillis(gap)), lateness);
        SessionOracle.Outcome expected = SessionOracle.run(script, gap, lateness);

        assertSameSessions(Verdicts.sessionView(expected, (List<Ev> elements) -> Verdicts.sorted(Verdicts.idsOf(elements))),
                Verdicts.sessionView(run.results(), Contents::key, Contents::window, c -> Verdicts.sorted(c.ids())));
        assertSameLate(expected.late(), run.late());
        assertStampedWithWindowMaxTimestamp(run.results(), Contents::window);
    }

    @Provide
    Arbitrary<Script> scripts() {
        return ScriptGenerators.scripts();
    }

    @Provide
    Arbitrary<Long> gaps() {
        return ScriptGenerators.sizes();
    }

    @Provide
    Arbitrary<Long> lateness() {
        return ScriptGenerators.lateness();
    }
}
