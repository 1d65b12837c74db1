package dev.weir.runtime.window;

import dev.weir.api.event.Headers;
import dev.weir.api.function.KeySelector;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.api.time.TimeDomain;
import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.Trigger;
import dev.weir.api.window.TriggerContext;
import dev.weir.api.window.TriggerResult;
import dev.weir.api.window.Window;
import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.checkpoint.Snapshots;
import dev.weir.runtime.graph.PipelineValidationException;
import dev.weir.runtime.operator.FailureHandler;
import dev.weir.runtime.operator.Input;
import dev.weir.runtime.operator.Operator;
import dev.weir.runtime.operator.OperatorContext;
import dev.weir.runtime.operator.Output;
import dev.weir.runtime.operator.PipelineFailedException;
import dev.weir.runtime.operator.Watermarks;
import dev.weir.runtime.state.KeyedStateBackend;
import dev.weir.runtime.state.NamespacedValueState;
import dev.weir.runtime.time.InternalTimer;
import dev.weir.runtime.time.ProcessingTimeService;
import dev.weir.runtime.time.TimerQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The general window operator: per (key, window) contents and trigger, for session windows (merging), global
 * windows and custom triggers.
 *
 * <p>An element joins each of its windows that is not expired ({@code maxTimestamp + lateness > watermark}); for
 * session windows, the element's window {@code [ts, ts + gap)} is first merged with every live session of the key
 * it overlaps or touches, and expiry is checked on the merged window. The trigger decides when to emit; the window's
 * state is dropped when the watermark reaches {@code maxTimestamp + lateness} (processing-time windows: when the clock
 * reaches {@code maxTimestamp}). Elements that join no window go to the late-data side output.
 *
 * <p>Its snapshot holds the window contents, window metadata and trigger state (keyed state), both timer queues,
 * the current watermark and whether the input ended.
 */
public final class TriggeredWindowOperator<K, T> implements Operator, Input<T>, Checkpointed {
    private final OperatorContext ctx;
    private final KeySelector<T, K> keySelector;
    private final KeyedStateBackend<K> backend;
    private final WindowContents<K, T, Object> contents;
    private final Output<Object> output;
    private final Optional<String> lateTag;
    private final WindowAssigner assigner;
    private final Trigger trigger;
    private final TimeDomain domain;
    private final long latenessMillis;
    private final NamespacedValueState<Window, Object> windowContents;
    private final NamespacedValueState<Window, WindowMeta> windowMeta;
    private final TimerQueue<K, Window> eventTimers;
    private final TimerQueue<K, Window> processingTimers;
    private final Context triggerContext = new Context();
    private final List<Window> assigned = new ArrayList<>(4);
    private final FailureHandler failures;
    private long watermark = Watermarks.UNKNOWN;
    private boolean inputEnded;

    public TriggeredWindowOperator(OperatorContext ctx, KeySelector<T, K> keySelector, KeyedStateBackend<K> backend,
                                   WindowContents<K, T, Object> contents, Output<Object> output, Optional<String> lateTag,
                                   WindowAssigner assigner, Trigger trigger, TimeDomain domain, long latenessMillis) {
        if (assigner.isMerging() && !trigger.canMerge()) {
            throw new PipelineValidationException("node '" + ctx.name() + "': trigger " + trigger
                    + " cannot be used with session windows (it does not support merging)");
        }
        this.ctx = ctx;
        this.keySelector = keySelector;
        this.backend = backend;
        this.eventTimers = backend.timerQueue("event-timers", Window.class);
        this.processingTimers = backend.timerQueue("processing-timers", Window.class);
        this.contents = contents;
        this.output = output;
        this.lateTag = lateTag;
        this.assigner = assigner;
        this.trigger = trigger;
        this.domain = domain;
        this.latenessMillis = domain == TimeDomain.EVENT_TIME ? latenessMillis : 0;
        this.windowContents = backend.valueState("window-contents", Object.class);
        this.windowMeta = backend.valueState("window-meta", WindowMeta.class);
        this.failures = ctx.failureHandler();
        ctx.processingTime().register(this::onProcessingTime);
    }

    @Override
    public String name() {
        return ctx.name();
    }

    /** Event time at which the window's state is dropped: {@code maxTimestamp + lateness}, saturating. */
    private long cleanupTime(Window w) {
        long max = w.maxTimestampMillis();
        long t = max + latenessMillis;
        return t < max ? Long.MAX_VALUE : t;
    }

    private boolean isExpired(Window w) {
        return domain == TimeDomain.EVENT_TIME && cleanupTime(w) <= watermark;
    }

    @Override
    public void element(T value, long timestampMillis, Headers headers) {
        ctx.metrics().incIn();
        long ts = domain == TimeDomain.EVENT_TIME ? timestampMillis : ctx.processingTime().now();
        K key = keySelector.key(value);
        if (!failures.setCurrentKey(backend, key, value, timestampMillis, headers, output)) {
            return;
        }
        triggerContext.key = key;
        assigned.clear();
        assigner.assign(ts, assigned);
        boolean accepted = false;
        for (int i = 0; i < assigned.size(); i++) {
            Window w = assigned.get(i);
            if (assigner.isMerging()) {
                w = mergeSessions(w);
                if (w == null) {
                    continue;
                }
            } else if (isExpired(w)) {
                continue;
            }
            accepted = true;
            if (windowMeta.get(w) == null) {
                windowMeta.put(w, new WindowMeta());
            }
            Object c = windowContents.get(w);
            Object updated = contents.add(c == null ? contents.create() : c, value);
            if (updated != c || !backend.storesReferences()) {
                windowContents.put(w, updated);
            }
            triggerContext.window = w;
            handle(key, w, trigger.onElement(value, ts, w, triggerContext), false);
            registerCleanupTimer(key, w);
        }
        if (!accepted) {
            ctx.metrics().incLate();
            lateTag.ifPresent(tag -> output.side(tag, value, timestampMillis, headers));
        }
    }

    /**
     * Merges {@code w} with the live sessions of the current key it overlaps or touches. Returns the merged window,
     * or null if it is expired (then nothing changes).
     */
    private Window mergeSessions(Window w) {
        List<Window> absorbed = new ArrayList<>(2);
        Window merged = w;
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Window live : windowMeta.namespaces()) {
                if (!absorbed.contains(live) && live.intersects(merged)) {
                    absorbed.add(live);
                    merged = merged.cover(live);
                    grew = true;
                }
            }
        }
        if (isExpired(merged)) {
            return null;
        }
        if (absorbed.isEmpty() || (absorbed.size() == 1 && absorbed.get(0).equals(merged))) {
            return merged;
        }
        if (absorbed.size() > 1) {
            // Merge in time order, not in the hash order of the key's windows, which a restore does not preserve.
            absorbed.sort(null);
        }
        Object mergedContents = null;
        WindowMeta mergedMeta = new WindowMeta();
        K key = triggerContext.key;
        for (Window old : absorbed) {
            Object c = windowContents.get(old);
            if (c != null) {
                // The absorbed windows' contents are ours to reuse: merge into the first one instead of copying.
                mergedContents = mergedContents == null ? c : contents.merge(mergedContents, c);
            }
            WindowMeta m = windowMeta.get(old);
            mergedMeta.emitted = Math.max(mergedMeta.emitted, m.emitted);
            mergedMeta.onTimeEmitted |= m.onTimeEmitted;
            triggerContext.window = old;
            trigger.clear(old, triggerContext);
            deleteCleanupTimer(key, old);
            windowContents.remove(old);
            windowMeta.remove(old);
        }
        mergedMeta.onTimeEmitted &= merged.maxTimestampMillis() <= currentTime();
        windowMeta.put(merged, mergedMeta);
        if (mergedContents != null) {
            windowContents.put(merged, mergedContents);
        }
        triggerContext.window = merged;
        trigger.onMerge(merged, triggerContext);
        return merged;
    }

    /** Current time in the window's domain; at end of input processing time counts as the end of time (flush). */
    private long currentTime() {
        if (domain == TimeDomain.EVENT_TIME) {
            return watermark;
        }
        return inputEnded ? Long.MAX_VALUE : ctx.processingTime().now();
    }

    /**
     * Applies a trigger result. {@code byTimer}: the firing came from a timer, so it can be the window's on-time
     * pane; a firing caused by an element arriving after the window completed is a late pane.
     */
    private void handle(K key, Window w, TriggerResult result, boolean byTimer) {
        if (result.isFire()) {
            Object c = windowContents.get(w);
            if (c != null) {
                emit(key, w, c, byTimer);
            }
        }
        if (result.isPurge()) {
            windowContents.remove(w);
        }
    }

    private void emit(K key, Window w, Object c, boolean byTimer) {
        WindowMeta meta = windowMeta.get(w);
        PaneInfo.Timing timing;
        if (currentTime() < w.maxTimestampMillis()) {
            timing = PaneInfo.Timing.EARLY;
        } else if (byTimer && !meta.onTimeEmitted) {
            timing = PaneInfo.Timing.ON_TIME;
            meta.onTimeEmitted = true;
        } else {
            timing = PaneInfo.Timing.LATE;
        }
        PaneInfo pane = new PaneInfo(timing, meta.emitted++);
        if (!backend.storesReferences()) {
            windowMeta.put(w, meta);
        }
        try {
            contents.emit(key, w, c, pane, watermark);
        } catch (PipelineFailedException e) {
            throw e;
        } catch (Exception e) {
            failures.failed(new FailedWindow(key, w), w.maxTimestampMillis(), Headers.EMPTY, e, output);
        }
    }

    private void registerCleanupTimer(K key, Window w) {
        if (domain == TimeDomain.EVENT_TIME) {
            eventTimers.register(cleanupTime(w), key, w);
        } else {
            processingTimers.register(w.maxTimestampMillis(), key, w);
        }
    }

    private void deleteCleanupTimer(K key, Window w) {
        if (domain == TimeDomain.EVENT_TIME) {
            eventTimers.delete(cleanupTime(w), key, w);
        } else {
            processingTimers.delete(w.maxTimestampMillis(), key, w);
        }
    }

    private void onTimer(InternalTimer<K, Window> timer, TimeDomain timerDomain) {
        K key = timer.key();
        Window w = timer.namespace();
        backend.setCurrentKey(key);
        if (windowMeta.get(w) == null) {
            return;
        }
        triggerContext.key = key;
        triggerContext.window = w;
        TriggerResult r = timerDomain == TimeDomain.EVENT_TIME
                ? trigger.onEventTime(timer.timestampMillis(), w, triggerContext)
                : trigger.onProcessingTime(timer.timestampMillis(), w, triggerContext);
        handle(key, w, r, true);
        boolean cleanup = timerDomain == domain && timer.timestampMillis() == (domain == TimeDomain.EVENT_TIME
                ? cleanupTime(w) : w.maxTimestampMillis());
        if (cleanup) {
            trigger.clear(w, triggerContext);
            windowContents.remove(w);
            windowMeta.remove(w);
        }
    }

    @Override
    public void watermark(long watermarkMillis) {
        if (watermarkMillis <= watermark) {
            return;
        }
        watermark = watermarkMillis;
        eventTimers.fireUpTo(watermarkMillis, t -> onTimer(t, TimeDomain.EVENT_TIME));
        output.watermark(watermarkMillis);
    }

    private void onProcessingTime(long nowMillis) {
        long due = ProcessingTimeService.dueUpTo(nowMillis);
        if (processingTimers.nextTimestamp() <= due) {
            processingTimers.fireUpTo(due, t -> onTimer(t, TimeDomain.PROCESSING_TIME));
        }
    }

    @Override
    public void idle(boolean idle) {
        output.idle(idle);
    }

    @Override
    public void endOfInput() {
        inputEnded = true;
        if (domain == TimeDomain.PROCESSING_TIME) {
            processingTimers.fireUpTo(Long.MAX_VALUE, t -> onTimer(t, TimeDomain.PROCESSING_TIME));
        }
        output.endOfInput();
    }

    private record Snapshot(long watermarkMillis, boolean inputEnded, Object state, Object eventTimers,
                            Object processingTimers, Object contents) {
    }

    @Override
    public Object snapshotState() {
        return new Snapshot(watermark, inputEnded, backend.snapshotState(), eventTimers.snapshotState(),
                processingTimers.snapshotState(), contents.snapshotState());
    }

    @Override
    public void restoreState(Object state) {
        Snapshot s = Snapshots.expect(state, Snapshot.class, "window operator (merging windows or custom trigger)");
        watermark = s.watermarkMillis();
        inputEnded = s.inputEnded();
        backend.restoreState(s.state());
        eventTimers.restoreState(s.eventTimers(), backend::ownsKey);
        processingTimers.restoreState(s.processingTimers(), backend::ownsKey);
        contents.restoreState(s.contents());
    }

    /** A rescale: this task's key groups and their timers from every snapshot; the smallest watermark. */
    @Override
    public void restoreStates(java.util.List<Object> states) {
        java.util.List<Snapshot> all = states.stream().map(o -> Snapshots.expect(o, Snapshot.class,
                "window operator (merging windows or custom trigger)")).toList();
        watermark = dev.weir.runtime.checkpoint.Checkpointed.minOf(all, Snapshot::watermarkMillis);
        inputEnded = all.stream().allMatch(Snapshot::inputEnded);
        for (Snapshot s : all) {
            backend.restoreState(s.state());
            eventTimers.restoreState(s.eventTimers(), backend::ownsKey);
            processingTimers.restoreState(s.processingTimers(), backend::ownsKey);
        }
        contents.restoreStates(all.stream().map(Snapshot::contents).toList());
    }

    /** Trigger context bound to the current key and window. */
    private final class Context implements TriggerContext {
        K key;
        Window window;

        @Override
        public long currentWatermarkMillis() {
            return watermark;
        }

        @Override
        public long currentProcessingTimeMillis() {
            return ctx.processingTime().now();
        }

        @Override
        public void registerEventTimeTimer(long timeMillis) {
            eventTimers.register(timeMillis, key, window);
        }

        @Override
        public void registerProcessingTimeTimer(long timeMillis) {
            processingTimers.register(timeMillis, key, window);
        }

        @Override
        public void deleteEventTimeTimer(long timeMillis) {
            if (!(domain == TimeDomain.EVENT_TIME && timeMillis == cleanupTime(window))) {
                eventTimers.delete(timeMillis, key, window);
            }
        }

        @Override
        public void deleteProcessingTimeTimer(long timeMillis) {
            if (!(domain == TimeDomain.PROCESSING_TIME && timeMillis == window.maxTimestampMillis())) {
                processingTimers.delete(timeMillis, key, window);
            }
        }

        @Override
        public <V> ValueState<V> state(ValueStateDescriptor<V> descriptor) {
            NamespacedValueState<Window, V> s = backend.valueState("trigger:" + descriptor.name(), descriptor.type());
            Window w = window;
            return new ValueState<>() {
                @Override
                public V value() {
                    return s.get(w);
                }

                @Override
                public void update(V v) {
                    s.put(w, v);
                }

                @Override
                public void clear() {
                    s.remove(w);
                }
            };
        }
    }
}
