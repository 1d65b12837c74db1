package dev.weir.runtime.window;

import dev.weir.api.event.Headers;
import dev.weir.api.function.KeySelector;
import dev.weir.api.time.TimeDomain;
import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.Window;
import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.checkpoint.Snapshots;
import dev.weir.runtime.operator.FailureHandler;
import dev.weir.runtime.operator.Input;
import dev.weir.runtime.operator.Operator;
import dev.weir.runtime.operator.OperatorContext;
import dev.weir.runtime.operator.Output;
import dev.weir.runtime.operator.PipelineFailedException;
import dev.weir.runtime.operator.Watermarks;
import dev.weir.runtime.state.KeyedStateBackend;
import dev.weir.runtime.state.LongNamespacedValueState;
import dev.weir.runtime.time.InternalTimer;
import dev.weir.runtime.time.ProcessingTimeService;
import dev.weir.runtime.time.TimerQueue;
import java.util.Optional;

/**
 * Tumbling and sliding windows with the default trigger, computed from panes.
 *
 * <p>A pane is a slice of {@code gcd(size, slide)}; pane and window boundaries align, so each element is added to
 * exactly one pane, once, whatever the number of windows it belongs to. When the watermark reaches a window's max
 * timestamp ({@code end - 1}) the window's panes are merged and the result is emitted (ON_TIME). With allowed
 * lateness {@code L}, a window stays open until the watermark reaches {@code end - 1 + L}: an element arriving in
 * that time updates the window and re-emits it at once (LATE, pane index + 1). An element whose windows are all past
 * that point goes to the late-data side output. A pane is dropped when its last window expires.
 *
 * <p>Timers: a new (key, pane) registers one timer, for its earliest window that has not fired; when a window fires
 * on time and the next window shares panes with it, the next window's timer is registered then (chaining). So a
 * sliding window costs about one timer per window fired, not {@code size / slide} per pane. For tumbling windows
 * (pane = window) no merge and no chaining happen at all.
 *
 * <p>Its snapshot holds the panes and firing counts (keyed state), both timer queues and the current watermark.
 */
public final class PanedWindowOperator<K, T> implements Operator, Input<T>, Checkpointed {
    private final OperatorContext ctx;
    private final KeySelector<T, K> keySelector;
    private final KeyedStateBackend<K> backend;
    private final WindowContents<K, T, Object> contents;
    private final Output<Object> output;
    private final Optional<String> lateTag;
    private final TimeDomain domain;
    private final long sizeMillis;
    private final long slideMillis;
    private final long offsetMillis;
    private final long paneMillis;
    private final long latenessMillis;
    private final LongNamespacedValueState<Object> panes;
    private final LongNamespacedValueState<int[]> firings;
    /** Fire timers at a window's max timestamp; namespace = window end (exclusive), in {@link #domain} time. */
    private final TimerQueue<K, Long> fireTimers;
    /** Event-time expiry timers at {@code end - 1 + lateness}; namespace = window end. */
    private final TimerQueue<K, Long> expiryTimers;
    private final FailureHandler failures;
    private long watermark = Watermarks.UNKNOWN;

    /**
     * @param sizeMillis     window size
     * @param slideMillis    window slide (== size for tumbling)
     * @param offsetMillis   window start offset from the epoch, in [0, slide)
     * @param latenessMillis allowed lateness (event time only)
     */
    public PanedWindowOperator(OperatorContext ctx, KeySelector<T, K> keySelector, KeyedStateBackend<K> backend,
                               WindowContents<K, T, Object> contents, Output<Object> output, Optional<String> lateTag,
                               TimeDomain domain, long sizeMillis, long slideMillis, long offsetMillis, long latenessMillis) {
        this.ctx = ctx;
        this.keySelector = keySelector;
        this.backend = backend;
        this.fireTimers = backend.timerQueue("fire-timers", Long.class);
        this.expiryTimers = backend.timerQueue("expiry-timers", Long.class);
        this.contents = contents;
        this.output = output;
        this.lateTag = lateTag;
        this.domain = domain;
        this.sizeMillis = sizeMillis;
        this.slideMillis = slideMillis;
        this.offsetMillis = offsetMillis;
        this.paneMillis = gcd(sizeMillis, slideMillis);
        this.failures = ctx.failureHandler();
        this.latenessMillis = domain == TimeDomain.EVENT_TIME ? latenessMillis : 0;
        this.panes = backend.longNamespacedState("window-panes", Object.class);
        this.firings = backend.longNamespacedState("window-firings", int[].class);
        if (domain == TimeDomain.PROCESSING_TIME) {
            ctx.processingTime().register(this::onProcessingTime);
        }
    }

    /** {@code end - 1 + lateness}: event time at which the window ending at {@code end} expires; saturating. */
    private long expiryTime(long end) {
        long max = end - 1;
        long t = max + latenessMillis;
        return t < max ? Long.MAX_VALUE : t;
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public String name() {
        return ctx.name();
    }

    /** Start of the last (latest-starting) window containing {@code ts}. */
    private long lastWindowStart(long ts) {
        return Math.floorDiv(ts - offsetMillis, slideMillis) * slideMillis + offsetMillis;
    }

    @Override
    public void element(T value, long timestampMillis, Headers headers) {
        ctx.metrics().incIn();
        long ts = domain == TimeDomain.EVENT_TIME ? timestampMillis : ctx.processingTime().now();
        long lastStart = lastWindowStart(ts);
        if (domain == TimeDomain.EVENT_TIME && expiryTime(lastStart + sizeMillis) <= watermark) {
            ctx.metrics().incLate();
            lateTag.ifPresent(tag -> output.side(tag, value, timestampMillis, headers));
            return;
        }
        K key = keySelector.key(value);
        if (!failures.setCurrentKey(backend, key, value, timestampMillis, headers, output)) {
            return;
        }
        long paneStart = Math.floorDiv(ts - offsetMillis, paneMillis) * paneMillis + offsetMillis;
        Object pane = panes.get(paneStart);
        boolean newPane = pane == null;
        Object updated = contents.add(newPane ? contents.create() : pane, value);
        if (newPane || updated != pane || !backend.storesReferences()) {
            panes.put(paneStart, updated);
        }
        if (newPane) {
            // One timer per new pane: its earliest window that has not fired yet. Later windows of the pane are
            // chained from there (see fire), so a pane costs one timer, not size/slide timers.
            long firstStart = lastStart - ((lastStart - (paneStart - sizeMillis + 1)) / slideMillis) * slideMillis;
            for (long start = firstStart; start <= lastStart; start += slideMillis) {
                long end = start + sizeMillis;
                if (domain == TimeDomain.PROCESSING_TIME || end - 1 > watermark) {
                    fireTimers.register(end - 1, key, end);
                    break;
                }
            }
        }
        if (domain == TimeDomain.EVENT_TIME && ts <= watermark) {
            // Windows of this element that already fired but are within the allowed lateness: emit an update.
            for (long start = lastStart; start + sizeMillis > ts; start -= slideMillis) {
                long end = start + sizeMillis;
                if (end - 1 <= watermark && expiryTime(end) > watermark) {
                    fire(key, end, PaneInfo.Timing.LATE);
                }
            }
        }
    }

    private void fire(K key, long end, PaneInfo.Timing timing) {
        long start = end - sizeMillis;
        Object result;
        boolean nextWindowHasData = false;
        if (paneMillis == sizeMillis) {
            result = panes.get(start);
        } else {
            result = null;
            long nextWindowStart = start + slideMillis;
            for (long p = start; p < end; p += paneMillis) {
                Object pane = panes.get(p);
                if (pane != null) {
                    result = contents.merge(result == null ? contents.create() : result, pane);
                    nextWindowHasData |= p >= nextWindowStart;
                }
            }
        }
        if (result == null) {
            return;
        }
        if (timing == PaneInfo.Timing.ON_TIME && nextWindowHasData) {
            // Chain: the next window shares panes with this one, so it has data and must fire too.
            fireTimers.register(end + slideMillis - 1, key, end + slideMillis);
        }
        int index = 0;
        if (latenessMillis > 0) {
            int[] count = firings.get(end);
            if (count == null) {
                count = new int[1];
            }
            index = count[0]++;
            firings.put(end, count);
            expiryTimers.register(expiryTime(end), key, end);
        }
        Window window = new Window(start, end);
        try {
            contents.emit(key, window, result, new PaneInfo(timing, index), watermark);
        } catch (PipelineFailedException e) {
            throw e;
        } catch (Exception e) {
            failures.failed(new FailedWindow(key, window), window.maxTimestampMillis(), Headers.EMPTY, e, output);
        }
        if (latenessMillis == 0) {
            expire(end);
        }
    }

    /** Drops the panes whose last window ends at {@code end}, and the window's firing count. */
    private void expire(long end) {
        long firstPaneOfLastSlide = end - sizeMillis;
        for (long p = firstPaneOfLastSlide; p < firstPaneOfLastSlide + slideMillis; p += paneMillis) {
            panes.remove(p);
        }
        if (latenessMillis > 0) {
            firings.remove(end);
        }
    }

    private void onFireTimer(InternalTimer<K, Long> timer) {
        backend.setCurrentKey(timer.key());
        fire(timer.key(), timer.namespace(), PaneInfo.Timing.ON_TIME);
    }

    private void onExpiryTimer(InternalTimer<K, Long> timer) {
        backend.setCurrentKey(timer.key());
        expire(timer.namespace());
    }

    @Override
    public void watermark(long watermarkMillis) {
        if (watermarkMillis <= watermark) {
            return;
        }
        watermark = watermarkMillis;
        if (domain == TimeDomain.EVENT_TIME) {
            fireTimers.fireUpTo(watermarkMillis, this::onFireTimer);
            expiryTimers.fireUpTo(watermarkMillis, this::onExpiryTimer);
        }
        output.watermark(watermarkMillis);
    }

    private void onProcessingTime(long nowMillis) {
        long due = ProcessingTimeService.dueUpTo(nowMillis);
        if (fireTimers.nextTimestamp() <= due) {
            fireTimers.fireUpTo(due, this::onFireTimer);
        }
    }

    @Override
    public void idle(boolean idle) {
        output.idle(idle);
    }

    @Override
    public void endOfInput() {
        if (domain == TimeDomain.PROCESSING_TIME) {
            fireTimers.fireUpTo(Long.MAX_VALUE, this::onFireTimer);
        }
        output.endOfInput();
    }

    private record Snapshot(long watermarkMillis, Object state, Object fireTimers, Object expiryTimers, Object contents) {
    }

    @Override
    public Object snapshotState() {
        return new Snapshot(watermark, backend.snapshotState(), fireTimers.snapshotState(), expiryTimers.snapshotState(),
                contents.snapshotState());
    }

    @Override
    public void restoreState(Object state) {
        Snapshot s = Snapshots.expect(state, Snapshot.class, "window operator (tumbling/sliding, default trigger)");
        watermark = s.watermarkMillis();
        backend.restoreState(s.state());
        fireTimers.restoreState(s.fireTimers(), backend::ownsKey);
        expiryTimers.restoreState(s.expiryTimers(), backend::ownsKey);
        contents.restoreState(s.contents());
    }

    /** A rescale: this task's key groups and their timers from every snapshot; the smallest watermark. */
    @Override
    public void restoreStates(java.util.List<Object> states) {
        java.util.List<Snapshot> all = states.stream().map(o -> Snapshots.expect(o, Snapshot.class,
                "window operator (tumbling/sliding, default trigger)")).toList();
        watermark = dev.weir.runtime.checkpoint.Checkpointed.minOf(all, Snapshot::watermarkMillis);
        for (Snapshot s : all) {
            backend.restoreState(s.state());
            fireTimers.restoreState(s.fireTimers(), backend::ownsKey);
            expiryTimers.restoreState(s.expiryTimers(), backend::ownsKey);
        }
        contents.restoreStates(all.stream().map(Snapshot::contents).toList());
    }
}
