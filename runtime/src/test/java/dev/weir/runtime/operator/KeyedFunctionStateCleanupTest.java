package dev.weir.runtime.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.TimerContext;
import dev.weir.api.state.ListStateDescriptor;
import dev.weir.api.state.MapStateDescriptor;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.runtime.oracle.Ev;
import dev.weir.runtime.oracle.Script;
import dev.weir.runtime.testing.FunctionTestHarness;
import dev.weir.runtime.window.RandomScripts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A keyed function that clears its state when its timer fires leaves the backend empty once every timer fired, and
 * nothing is lost or duplicated on the way: value, list and map state, random out-of-order scripts, timers that
 * are sometimes already behind the watermark when registered.
 */
class KeyedFunctionStateCleanupTest {

    /**
     * Buffers element ids per key (list state; map state: id -> ts; value state: the count) and registers an
     * event-time timer {@code delay} after each element; the timer flushes the buffer as one output and clears it all.
     */
    static final class BufferUntilTimer implements KeyedFunction<Integer, Ev, List<Integer>> {
        static final ListStateDescriptor<Integer> IDS = ListStateDescriptor.of("ids", Integer.class);
        static final MapStateDescriptor<Integer, Long> TIMES = MapStateDescriptor.of("times", Integer.class, Long.class);
        static final ValueStateDescriptor<Integer> COUNT = ValueStateDescriptor.of("count", Integer.class);
        private final long delay;

        BufferUntilTimer(long delay) {
            this.delay = delay;
        }

        @Override
        public void process(Ev in, KeyedContext<Integer> ctx, Collector<List<Integer>> out) {
            ctx.state().list(IDS).add(in.id());
            ctx.state().map(TIMES).put(in.id(), in.ts());
            ctx.state().value(COUNT).update(ctx.state().value(COUNT).valueOr(0) + 1);
            ctx.timers().registerEventTimeTimer(Instant.ofEpochMilli(in.ts() + delay));
        }

        @Override
        public void onTimer(TimerContext<Integer> ctx, Collector<List<Integer>> out) {
            List<Integer> ids = ctx.state().list(IDS).get();
            if (ids.isEmpty()) {
                return;
            }
            if (ctx.state().value(COUNT).value() != ids.size() || ctx.state().map(TIMES).entries().size() != ids.size()) {
                throw new IllegalStateException("states of key " + ctx.currentKey() + " disagree");
            }
            out.emit(ids);
            ctx.state().list(IDS).clear();
            ctx.state().map(TIMES).clear();
            ctx.state().value(COUNT).clear();
        }
    }

    @Property(tries = 400)
    void clearingStateInTimersLeavesNoEntriesOnceAllTimersFiredAndEveryElementIsFlushedOnce(
            @ForAll("scripts") Script script, @ForAll("delays") long delay, @ForAll boolean byEndOfInput) {
        var h = FunctionTestHarness.keyed(new BufferUntilTimer(delay), Ev::key);
        RandomScripts.replay(script, h);

        if (byEndOfInput) {
            h.endInput();
        } else {
            long last = script.steps().stream().filter(Script.Step.Watermark.class::isInstance)
                    .mapToLong(s -> ((Script.Step.Watermark) s).millis()).max().orElse(Long.MIN_VALUE);
            h.advanceWatermark(Math.max(last + 1, RandomScripts.maxTimestamp(script) + delay));
        }

        assertThat(h.stateEntryCount()).isZero();
        List<Integer> flushed = new ArrayList<>();
        h.outputValues().forEach(flushed::addAll);
        assertThat(flushed).containsExactlyInAnyOrderElementsOf(script.elements().stream().map(Ev::id).toList());
    }

    @Provide
    Arbitrary<Script> scripts() {
        return Arbitraries.oneOf(RandomScripts.scripts(), RandomScripts.scriptsAroundZero());
    }

    @Provide
    Arbitrary<Long> delays() {
        return Arbitraries.longs().between(0, 30);
    }
}
