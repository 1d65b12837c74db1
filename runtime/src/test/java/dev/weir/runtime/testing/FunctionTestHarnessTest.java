package dev.weir.runtime.testing;

import dev.weir.runtime.functions.Count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.OutputTag;
import dev.weir.api.function.TimerContext;
import dev.weir.api.state.MapStateDescriptor;
import dev.weir.api.state.StateTtl;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.api.time.TimeDomain;
import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.Triggers;
import dev.weir.api.window.WindowResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FunctionTestHarnessTest {

    /** Remembers the last value per key for 1 minute of processing time; says "timeout" 30 s after each value. */
    static final class LastValue implements KeyedFunction<String, String, String> {
        static final ValueStateDescriptor<String> LAST =
                ValueStateDescriptor.of("last", String.class).withTtl(StateTtl.afterWrite(Duration.ofMinutes(1)));
        static final MapStateDescriptor<String, Integer> SEEN = MapStateDescriptor.of("seen", String.class, Integer.class);

        @Override
        public void process(String in, KeyedContext<String> ctx, Collector<String> out) {
            String previous = ctx.state().value(LAST).value();
            ctx.state().value(LAST).update(in);
            ctx.state().map(SEEN).put(in, ctx.state().map(SEEN).contains(in) ? ctx.state().map(SEEN).get(in) + 1 : 1);
            ctx.timers().registerProcessingTimeTimer(Instant.ofEpochMilli(ctx.currentProcessingTimeMillis() + 30_000));
            out.emit(ctx.currentKey() + ":" + previous + "->" + in);
        }

        @Override
        public void onTimer(TimerContext<String> ctx, Collector<String> out) {
            out.emit(ctx.currentKey() + ":timeout(" + ctx.timeDomain() + ")");
        }
    }

    @Test
    void keyedStateExpiresByProcessingTimeTtlAndProcessingTimersFire() {
        var h = FunctionTestHarness.keyed(new LastValue(), (String s) -> s.substring(0, 1));
        h.processElement("a1", 0).processElement("a2", 1);
        assertThat(h.state("a").value(LastValue.LAST).value()).isEqualTo("a2");
        h.advanceProcessingTime(Duration.ofSeconds(30));
        assertThat(h.outputValues()).as("a processing-time timer fires once the clock has passed it").hasSize(2);
        h.advanceProcessingTime(Duration.ofMillis(1));
        assertThat(h.outputValues()).containsExactly("a:null->a1", "a:a1->a2", "a:timeout(PROCESSING_TIME)");
        h.advanceProcessingTime(Duration.ofSeconds(30));
        assertThat(h.state("a").value(LastValue.LAST).value()).as("expired after 1 minute").isNull();
        assertThat(h.state("a").map(LastValue.SEEN).entries()).containsEntry("a1", 1).containsEntry("a2", 1);
    }

    @Test
    void lateElementWithinAllowedLatenessEmitsAnUpdateAndBeyondItGoesToTheSideOutput() {
        OutputTag<String> late = OutputTag.of("late", String.class);
        var h = FunctionTestHarness.window(TumblingWindows.of(Duration.ofSeconds(10)), (String s) -> "k", new Count<>(),
                FunctionTestHarness.WindowOptions.defaults().withAllowedLateness(Duration.ofSeconds(5)).withLateDataTag(late));
        h.processElement("a", 1_000).processElement("b", 2_000).advanceWatermark(9_999);
        assertThat(h.outputValues()).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(2L);
            assertThat(r.pane()).isEqualTo(new PaneInfo(PaneInfo.Timing.ON_TIME, 0));
        });
        assertThat(h.output().get(0).timestampMillis()).isEqualTo(9_999);
        h.clearOutput().processElement("c", 3_000);
        assertThat(h.outputValues()).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(3L);
            assertThat(r.pane().timing()).isEqualTo(PaneInfo.Timing.LATE);
            assertThat(r.pane().isUpdate()).isTrue();
        });
        h.clearOutput().advanceWatermark(14_999).processElement("d", 4_000);
        assertThat(h.outputValues()).isEmpty();
        assertThat(h.sideOutput(late)).containsExactly("d");
        assertThat(h.lateDropped()).isEqualTo(1);
        assertThat(h.stateEntryCount()).as("window state is garbage-collected by the watermark").isZero();
    }

    @Test
    void earlyFiringTriggerEmitsSpeculativePanesBeforeTheOnTimePane() {
        var h = FunctionTestHarness.window(TumblingWindows.of(Duration.ofMinutes(1)), (String s) -> "k", new Count<>(),
                FunctionTestHarness.WindowOptions.defaults()
                        .withTrigger(Triggers.earlyFirings(Duration.ofSeconds(10), TimeDomain.PROCESSING_TIME)));
        h.processElement("a", 1_000).advanceProcessingTime(Duration.ofMillis(10_001));
        h.processElement("b", 2_000).advanceProcessingTime(Duration.ofMillis(10_001));
        h.advanceWatermark(59_999);
        assertThat(h.outputValues()).extracting(r -> r.pane().timing() + ":" + r.value())
                .containsExactly("EARLY:1", "EARLY:2", "ON_TIME:2");
        assertThat(h.outputValues()).extracting(r -> r.pane().index()).containsExactly(0, 1, 2);
    }

    @Test
    void lateElementBridgingTwoEmittedSessionsMergesThemIntoOneUpdatedSession() {
        var h = FunctionTestHarness.window(SessionWindows.withGap(Duration.ofSeconds(3)), (String s) -> "k", new Count<>(),
                FunctionTestHarness.WindowOptions.defaults().withAllowedLateness(Duration.ofSeconds(30)));
        h.processElement("a", 0).processElement("b", 5_000).advanceWatermark(10_000);
        assertThat(h.outputValues()).extracting(WindowResult::value).containsExactly(1L, 1L);
        h.clearOutput().processElement("bridge", 2_500);
        assertThat(h.outputValues()).singleElement().satisfies(r -> {
            assertThat(r.window().startMillis()).isZero();
            assertThat(r.window().endMillis()).isEqualTo(8_000);
            assertThat(r.value()).isEqualTo(3L);
            assertThat(r.pane().isUpdate()).isTrue();
        });
    }

    @Test
    void countTriggerOnGlobalWindowFiresEveryNElementsAndTheRemainderAtEndOfInput() {
        var h = FunctionTestHarness.window(dev.weir.api.window.GlobalWindows.create(), (String s) -> "k", new Count<>(),
                FunctionTestHarness.WindowOptions.defaults().withTrigger(Triggers.purging(Triggers.count(2))));
        for (int i = 0; i < 5; i++) {
            h.processElement("x" + i, i);
        }
        h.endInput();
        assertThat(h.outputValues()).extracting(WindowResult::value).containsExactly(2L, 2L, 1L);
    }
}
