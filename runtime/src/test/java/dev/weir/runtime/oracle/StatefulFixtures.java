package dev.weir.runtime.oracle;

import dev.weir.api.event.Event;
import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.TimerContext;
import dev.weir.api.state.ListState;
import dev.weir.api.state.ListStateDescriptor;
import dev.weir.api.state.MapState;
import dev.weir.api.state.MapStateDescriptor;
import dev.weir.api.state.StateTtl;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.api.window.AggregateFunction;
import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.ProcessWindowFunction;
import dev.weir.api.window.Window;
import dev.weir.api.window.WindowContext;
import dev.weir.runtime.source.CollectionSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Functions and sources shared by the equivalence tests (crash/restore, heap vs RocksDB): they use every kind of
 * state and timer, so two runs agree only if state, timers and watermarks behave the same.
 */
public final class StatefulFixtures {
    private StatefulFixtures() {
    }

    /** The script's elements dealt round-robin over {@code n} partitions, each keeping script order. */
    public static CollectionSource<Ev> partitioned(Script script, int n) {
        List<List<Event<Void, Ev>>> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(new ArrayList<>());
        }
        for (Ev e : script.elements()) {
            parts.get(e.id() % n).add(Event.of(e, e.ts()));
        }
        return CollectionSource.ofPartitions(Ev.class, parts);
    }

    /** What a process-window function saw. */
    public record Ids(int key, Window window, PaneInfo pane, List<Integer> ids) {
    }

    public static final class IdsFunction implements ProcessWindowFunction<Integer, Ev, Ids> {
        @Override
        public void process(Integer key, Iterable<Ev> elements, WindowContext ctx, Collector<Ids> out) {
            List<Integer> ids = new ArrayList<>();
            elements.forEach(e -> ids.add(e.id()));
            out.emit(new Ids(key, ctx.window(), ctx.pane(), List.copyOf(ids)));
        }
    }

    /** Count, sum and the ids in arrival order, in a mutable accumulator without a no-argument constructor. */
    public static final class CountSum implements AggregateFunction<Ev, CountSum.Acc, String> {
        public static final class Acc {
            long count;
            long sum;
            final List<Integer> ids;

            Acc(List<Integer> ids) {
                this.ids = ids;
            }
        }

        @Override
        public Acc createAccumulator() {
            return new Acc(new ArrayList<>());
        }

        @Override
        public Acc add(Ev value, Acc acc) {
            acc.count++;
            acc.sum += value.value();
            acc.ids.add(value.id());
            return acc;
        }

        @Override
        public Acc merge(Acc a, Acc b) {
            a.count += b.count;
            a.sum += b.sum;
            a.ids.addAll(b.ids);
            return a;
        }

        @Override
        public String result(Acc acc) {
            return acc.count + "/" + acc.sum + "/" + acc.ids;
        }
    }

    /**
     * Keeps per key a count (value state with a processing-time TTL of 40 ms), the last ids (list state) and the last
     * value per id modulo 5 (map state, entries expiring after 60 ms); emits them on every element, from an event-time
     * timer 7 ms after each element (which deletes the previous element's timer when they are close) and from a
     * processing-time timer 15 ms after every third element.
     */
    public static final class Tracker implements KeyedFunction<Integer, Ev, String> {
        static final ValueStateDescriptor<Long> COUNT = ValueStateDescriptor.of("count", Long.class)
                .withTtl(StateTtl.afterWrite(Duration.ofMillis(40)));
        static final ValueStateDescriptor<Long> LAST_TS = ValueStateDescriptor.of("last-ts", Long.class);
        static final ListStateDescriptor<Integer> IDS = ListStateDescriptor.of("ids", Integer.class);
        static final MapStateDescriptor<Integer, Integer> BY_SLOT = MapStateDescriptor.of("by-slot", Integer.class,
                Integer.class).withTtl(StateTtl.afterAccess(Duration.ofMillis(60)));

        @Override
        public void process(Ev e, KeyedContext<Integer> ctx, Collector<String> out) {
            ValueState<Long> count = ctx.state().value(COUNT);
            long n = count.valueOr(0L) + 1;
            count.update(n);
            ListState<Integer> ids = ctx.state().list(IDS);
            ids.add(e.id());
            if (ids.get().size() > 4) {
                ids.update(ids.get().subList(1, 5));
            }
            MapState<Integer, Integer> bySlot = ctx.state().map(BY_SLOT);
            bySlot.put(e.id() % 5, e.value());
            ValueState<Long> lastTs = ctx.state().value(LAST_TS);
            Long previous = lastTs.value();
            if (previous != null && Math.abs(previous - e.ts()) < 3) {
                ctx.timers().deleteEventTimeTimer(Instant.ofEpochMilli(previous + 7));
            }
            lastTs.update(e.ts());
            ctx.timers().registerEventTimeTimer(Instant.ofEpochMilli(e.ts() + 7));
            if (n % 3 == 0) {
                ctx.timers().registerProcessingTimeTimer(Instant.ofEpochMilli(ctx.currentProcessingTimeMillis() + 15));
            }
            out.emit("k" + ctx.currentKey() + " n=" + n + " ids=" + ids.get() + " slots=" + bySlot.entries());
        }

        @Override
        public void onTimer(TimerContext<Integer> ctx, Collector<String> out) {
            ListState<Integer> ids = ctx.state().list(IDS);
            out.emit(ctx.timeDomain() + " timer k" + ctx.currentKey() + "@" + ctx.timestamp() + " ids=" + ids.get()
                    + " n=" + ctx.state().value(COUNT).value() + " now=" + ctx.currentProcessingTimeMillis());
            ids.clear();
        }
    }
}
