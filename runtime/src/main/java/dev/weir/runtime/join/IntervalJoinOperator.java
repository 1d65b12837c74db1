package dev.weir.runtime.join;

import dev.weir.api.event.Headers;
import dev.weir.api.function.JoinFunction;
import dev.weir.api.function.KeySelector;
import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.checkpoint.Snapshots;
import dev.weir.runtime.operator.ElementContext;
import dev.weir.runtime.operator.FailureHandler;
import dev.weir.runtime.operator.Input;
import dev.weir.runtime.operator.MultiInput;
import dev.weir.runtime.operator.Operator;
import dev.weir.runtime.operator.OperatorContext;
import dev.weir.runtime.operator.Output;
import dev.weir.runtime.operator.PipelineFailedException;
import dev.weir.runtime.operator.Watermarks;
import dev.weir.runtime.state.KeyedStateBackend;
import dev.weir.runtime.state.NamespacedValueState;
import dev.weir.runtime.state.VoidNamespace;
import dev.weir.runtime.time.InternalTimer;
import dev.weir.runtime.time.TimerQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Interval join of two keyed streams: emits {@code join(l, r)} for every pair with equal keys and
 * {@code l.ts + lower <= r.ts <= l.ts + upper} (inclusive), with timestamp {@code max(l.ts, r.ts)}.
 *
 * <p>Each side buffers its elements per key and event timestamp. An element with {@code ts <= watermark} (the
 * minimum of both inputs' watermarks) is late: it is counted and joins nothing. A left element is evicted when the
 * watermark reaches {@code l.ts + upper} (no right element that is not late can match it any more), a right element
 * when it reaches {@code r.ts - lower}.
 *
 * <p>Its snapshot holds both buffers (keyed state), both eviction timer queues, the inputs' watermarks, idle and ended
 * flags, and the combined watermark.
 */
public final class IntervalJoinOperator<K, L, R, O> implements Operator, Checkpointed {
    private final OperatorContext ctx;
    private final JoinFunction<L, R, O> function;
    private final KeySelector<L, K> leftKey;
    private final KeySelector<R, K> rightKey;
    private final KeyedStateBackend<K> backend;
    private final Output<O> output;
    private final long lowerMillis;
    private final long upperMillis;
    private final NamespacedValueState<VoidNamespace, TreeMap<Long, List<L>>> leftBuffer;
    private final NamespacedValueState<VoidNamespace, TreeMap<Long, List<R>>> rightBuffer;
    private final TimerQueue<K, Long> leftEviction;
    private final TimerQueue<K, Long> rightEviction;
    private final ElementContext<O> context;
    private final FailureHandler failures;
    private final MultiInput inputs;
    private long watermark = Watermarks.UNKNOWN;

    public IntervalJoinOperator(OperatorContext ctx, JoinFunction<L, R, O> function, Object config,
                                KeySelector<L, K> leftKey, KeySelector<R, K> rightKey, KeyedStateBackend<K> backend,
                                Output<O> output, long lowerMillis, long upperMillis) {
        this.ctx = ctx;
        this.function = function;
        this.leftKey = leftKey;
        this.rightKey = rightKey;
        this.backend = backend;
        this.leftEviction = backend.timerQueue("left-eviction", Long.class);
        this.rightEviction = backend.timerQueue("right-eviction", Long.class);
        this.output = output;
        this.lowerMillis = lowerMillis;
        this.upperMillis = upperMillis;
        this.leftBuffer = backend.valueState("join-left", TreeMap.class);
        this.rightBuffer = backend.valueState("join-right", TreeMap.class);
        this.context = new ElementContext<>(ctx, config, output);
        this.failures = ctx.failureHandler();
        this.inputs = new MultiInput(2, this::onWatermark, output::idle, output::endOfInput);
    }

    @Override
    public String name() {
        return ctx.name();
    }

    /** Input 0: the left stream. */
    public Input<L> left() {
        return inputs.input(0, this::onLeft);
    }

    /** Input 1: the right stream. */
    public Input<R> right() {
        return inputs.input(1, this::onRight);
    }

    private void onLeft(L value, long ts, Headers headers) {
        ctx.metrics().incIn();
        if (ts <= watermark) {
            ctx.metrics().incLate();
            return;
        }
        K key = leftKey.key(value);
        if (!failures.setCurrentKey(backend, key, value, ts, headers, output)) {
            return;
        }
        add(leftBuffer, ts, value);
        leftEviction.register(saturatedAdd(ts, upperMillis), key, ts);
        TreeMap<Long, List<R>> rights = rightBuffer.get(VoidNamespace.INSTANCE);
        if (rights != null) {
            for (Map.Entry<Long, List<R>> e : rights.subMap(ts + lowerMillis, true, ts + upperMillis, true).entrySet()) {
                for (R r : e.getValue()) {
                    join(value, r, Math.max(ts, e.getKey()), headers);
                }
            }
        }
    }

    private void onRight(R value, long ts, Headers headers) {
        ctx.metrics().incIn();
        if (ts <= watermark) {
            ctx.metrics().incLate();
            return;
        }
        K key = rightKey.key(value);
        if (!failures.setCurrentKey(backend, key, value, ts, headers, output)) {
            return;
        }
        add(rightBuffer, ts, value);
        rightEviction.register(saturatedAdd(ts, -lowerMillis), key, ts);
        TreeMap<Long, List<L>> lefts = leftBuffer.get(VoidNamespace.INSTANCE);
        if (lefts != null) {
            for (Map.Entry<Long, List<L>> e : lefts.subMap(ts - upperMillis, true, ts - lowerMillis, true).entrySet()) {
                for (L l : e.getValue()) {
                    join(l, value, Math.max(ts, e.getKey()), headers);
                }
            }
        }
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return r;
    }

    private <T> void add(NamespacedValueState<VoidNamespace, TreeMap<Long, List<T>>> buffer, long ts, T value) {
        TreeMap<Long, List<T>> m = buffer.get(VoidNamespace.INSTANCE);
        if (m == null) {
            m = new TreeMap<>();
        }
        m.computeIfAbsent(ts, t -> new ArrayList<>(2)).add(value);
        buffer.put(VoidNamespace.INSTANCE, m);
    }

    private void join(L l, R r, long ts, Headers headers) {
        context.set(ts, headers);
        try {
            function.join(l, r, context, context);
        } catch (PipelineFailedException e) {
            throw e;
        } catch (Exception e) {
            failures.failed(List.of(l, r), ts, headers, e, output);
        }
    }

    private void onWatermark(long watermarkMillis) {
        watermark = watermarkMillis;
        context.setWatermark(watermarkMillis);
        leftEviction.fireUpTo(watermarkMillis, t -> evict(leftBuffer, t));
        rightEviction.fireUpTo(watermarkMillis, t -> evict(rightBuffer, t));
        output.watermark(watermarkMillis);
    }

    private <T> void evict(NamespacedValueState<VoidNamespace, TreeMap<Long, List<T>>> buffer, InternalTimer<K, Long> t) {
        backend.setCurrentKey(t.key());
        TreeMap<Long, List<T>> m = buffer.get(VoidNamespace.INSTANCE);
        if (m != null) {
            m.remove(t.namespace());
            if (m.isEmpty()) {
                buffer.remove(VoidNamespace.INSTANCE);
            } else {
                buffer.put(VoidNamespace.INSTANCE, m);
            }
        }
    }

    private record Snapshot(long watermarkMillis, Object inputs, Object state, Object leftEviction,
                            Object rightEviction) {
    }

    @Override
    public Object snapshotState() {
        return new Snapshot(watermark, inputs.snapshotState(), backend.snapshotState(), leftEviction.snapshotState(),
                rightEviction.snapshotState());
    }

    @Override
    public void restoreState(Object state) {
        Snapshot s = Snapshots.expect(state, Snapshot.class, "interval join");
        watermark = s.watermarkMillis();
        context.setWatermark(s.watermarkMillis());
        inputs.restoreState(s.inputs());
        backend.restoreState(s.state());
        leftEviction.restoreState(s.leftEviction(), backend::ownsKey);
        rightEviction.restoreState(s.rightEviction(), backend::ownsKey);
    }

    /** A rescale: this task's key groups and their eviction timers from every snapshot; the smallest watermark. */
    @Override
    public void restoreStates(java.util.List<Object> states) {
        java.util.List<Snapshot> all = states.stream()
                .map(o -> Snapshots.expect(o, Snapshot.class, "interval join")).toList();
        watermark = dev.weir.runtime.checkpoint.Checkpointed.minOf(all, Snapshot::watermarkMillis);
        context.setWatermark(watermark);
        inputs.restoreStates(all.stream().map(Snapshot::inputs).toList());
        for (Snapshot s : all) {
            backend.restoreState(s.state());
            leftEviction.restoreState(s.leftEviction(), backend::ownsKey);
            rightEviction.restoreState(s.rightEviction(), backend::ownsKey);
        }
    }
}
