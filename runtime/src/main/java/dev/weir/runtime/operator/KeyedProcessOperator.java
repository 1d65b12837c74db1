package dev.weir.runtime.operator;

import dev.weir.api.event.Headers;
import dev.weir.api.function.KeySelector;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.TimerContext;
import dev.weir.api.state.KeyedStateStore;
import dev.weir.api.time.TimeDomain;
import dev.weir.api.time.TimerService;
import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.checkpoint.Snapshots;
import dev.weir.runtime.state.KeyedStateBackend;
import dev.weir.runtime.state.UserStateStore;
import dev.weir.runtime.state.VoidNamespace;
import dev.weir.runtime.time.InternalTimer;
import dev.weir.runtime.time.ProcessingTimeService;
import dev.weir.runtime.time.TimerQueue;
import java.time.Instant;

/**
 * Runs a {@link KeyedFunction}: sets the current key per element, gives the function keyed state and timers.
 * Event-time timers fire when the watermark reaches them, before the watermark is forwarded; processing-time
 * timers fire when the engine's clock has passed them. Processing-time timers still pending at the end of a bounded
 * input do not fire.
 *
 * <p>Its snapshot holds the keyed state (the function's value, list and map state, with their TTL timestamps), both
 * timer queues and the current watermark.
 */
public final class KeyedProcessOperator<K, I, O> implements Operator, Input<I>, Checkpointed {
    private final OperatorContext ctx;
    private final KeyedFunction<K, I, O> function;
    private final KeySelector<I, K> keySelector;
    private final KeyedStateBackend<K> backend;
    private final Output<O> output;
    private final Context context;
    private final UserStateStore state;
    private final TimerQueue<K, VoidNamespace> eventTimers;
    private final TimerQueue<K, VoidNamespace> processingTimers;
    private final FailureHandler failures;

    public KeyedProcessOperator(OperatorContext ctx, KeyedFunction<K, I, O> function, Object config,
                                KeySelector<I, K> keySelector, KeyedStateBackend<K> backend, Output<O> output) {
        this.ctx = ctx;
        this.function = function;
        this.keySelector = keySelector;
        this.backend = backend;
        this.eventTimers = backend.timerQueue("event-timers", VoidNamespace.class);
        this.processingTimers = backend.timerQueue("processing-timers", VoidNamespace.class);
        this.output = output;
        this.state = new UserStateStore(backend, ctx.processingTime()::now);
        this.context = new Context(ctx, config, output);
        this.failures = ctx.failureHandler();
        ctx.processingTime().register(this::onProcessingTime);
    }

    @Override
    public String name() {
        return ctx.name();
    }

    @Override
    public void open() throws Exception {
        function.open(context);
    }

    @Override
    public void close() throws Exception {
        function.close();
    }

    /** The state backend, for tests and the harness. */
    public KeyedStateBackend<K> backend() {
        return backend;
    }

    /** The user-facing state store (current key = the backend's). */
    public KeyedStateStore stateStore() {
        return state;
    }

    @Override
    public void element(I value, long timestampMillis, Headers headers) {
        ctx.metrics().recordsIn++;
        K key = keySelector.key(value);
        if (!failures.setCurrentKey(backend, key, value, timestampMillis, headers, output)) {
            return;
        }
        context.key = key;
        context.domain = null;
        context.set(timestampMillis, headers);
        try {
            function.process(value, context, context);
        } catch (PipelineFailedException e) {
            throw e;
        } catch (Exception e) {
            failures.failed(value, timestampMillis, headers, e, output);
        }
    }

    @Override
    public void watermark(long watermarkMillis) {
        context.setWatermark(watermarkMillis);
        eventTimers.fireUpTo(watermarkMillis, t -> fire(t, TimeDomain.EVENT_TIME));
        output.watermark(watermarkMillis);
    }

    private void onProcessingTime(long nowMillis) {
        long due = ProcessingTimeService.dueUpTo(nowMillis);
        if (processingTimers.nextTimestamp() <= due) {
            processingTimers.fireUpTo(due, t -> fire(t, TimeDomain.PROCESSING_TIME));
        }
    }

    private void fire(InternalTimer<K, VoidNamespace> timer, TimeDomain domain) {
        backend.setCurrentKey(timer.key());
        context.key = timer.key();
        context.domain = domain;
        context.set(timer.timestampMillis(), Headers.EMPTY);
        try {
            function.onTimer(context, context);
        } catch (PipelineFailedException e) {
            throw e;
        } catch (Exception e) {
            failures.failed(timer, timer.timestampMillis(), Headers.EMPTY, e, output);
        }
    }

    @Override
    public void idle(boolean idle) {
        output.idle(idle);
    }

    @Override
    public void endOfInput() {
        output.endOfInput();
    }

    private record Snapshot(long watermarkMillis, Object state, Object eventTimers, Object processingTimers) {
    }

    @Override
    public Object snapshotState() {
        return new Snapshot(context.currentWatermarkMillis(), backend.snapshotState(), eventTimers.snapshotState(),
                processingTimers.snapshotState());
    }

    @Override
    public void restoreState(Object state) {
        Snapshot s = Snapshots.expect(state, Snapshot.class, "keyed process operator");
        context.setWatermark(s.watermarkMillis());
        backend.restoreState(s.state());
        eventTimers.restoreState(s.eventTimers(), backend::ownsKey);
        processingTimers.restoreState(s.processingTimers(), backend::ownsKey);
    }

    /** A rescale: this task's key groups and their timers from every snapshot; the smallest watermark. */
    @Override
    public void restoreStates(java.util.List<Object> states) {
        java.util.List<Snapshot> all = states.stream()
                .map(o -> Snapshots.expect(o, Snapshot.class, "keyed process operator")).toList();
        context.setWatermark(dev.weir.runtime.checkpoint.Checkpointed.minOf(all, Snapshot::watermarkMillis));
        for (Snapshot s : all) {
            backend.restoreState(s.state());
            eventTimers.restoreState(s.eventTimers(), backend::ownsKey);
            processingTimers.restoreState(s.processingTimers(), backend::ownsKey);
        }
    }

    /** Function context, collector and timer service in one reusable object. */
    private final class Context extends ElementContext<O> implements TimerContext<K>, TimerService {
        K key;
        TimeDomain domain;

        Context(OperatorContext operator, Object config, Output<O> output) {
            super(operator, config, output);
        }

        @Override
        public K currentKey() {
            return key;
        }

        @Override
        public KeyedStateStore state() {
            return state;
        }

        @Override
        public TimerService timers() {
            return this;
        }

        @Override
        public TimeDomain timeDomain() {
            if (domain == null) {
                throw new IllegalStateException("timeDomain() is only defined while a timer fires");
            }
            return domain;
        }

        @Override
        public void registerEventTimeTimer(Instant time) {
            eventTimers.register(time.toEpochMilli(), key, VoidNamespace.INSTANCE);
        }

        @Override
        public void registerProcessingTimeTimer(Instant time) {
            processingTimers.register(time.toEpochMilli(), key, VoidNamespace.INSTANCE);
        }

        @Override
        public void deleteEventTimeTimer(Instant time) {
            eventTimers.delete(time.toEpochMilli(), key, VoidNamespace.INSTANCE);
        }

        @Override
        public void deleteProcessingTimeTimer(Instant time) {
            processingTimers.delete(time.toEpochMilli(), key, VoidNamespace.INSTANCE);
        }
    }
}
