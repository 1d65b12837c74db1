package dev.weir.runtime.operator;

import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.checkpoint.Snapshots;
import dev.weir.runtime.watermark.WatermarkCombiner;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Control-signal bookkeeping of a multi-input operator: combines the inputs' watermarks (minimum over active
 * inputs), reports idleness when all inputs are idle, and end of input when all inputs ended. Its snapshot holds the
 * inputs' watermarks, idle and ended flags.
 */
public final class MultiInput implements Checkpointed {
    private final WatermarkCombiner combiner;
    private final boolean[] ended;
    private final LongConsumer onWatermark;
    private final Consumer<Boolean> onIdle;
    private final Runnable onEnd;
    private int endedCount;
    private boolean idle;

    public MultiInput(int inputs, LongConsumer onWatermark, Consumer<Boolean> onIdle, Runnable onEnd) {
        this.combiner = new WatermarkCombiner(inputs);
        this.ended = new boolean[inputs];
        this.onWatermark = onWatermark;
        this.onIdle = onIdle;
        this.onEnd = onEnd;
    }

    public void watermark(int input, long watermarkMillis) {
        if (combiner.update(input, watermarkMillis)) {
            onWatermark.accept(combiner.combined());
        }
    }

    public void idle(int input, boolean isIdle) {
        boolean advanced = combiner.setIdle(input, isIdle);
        if (combiner.allIdle() != idle) {
            idle = combiner.allIdle();
            onIdle.accept(idle);
        }
        if (advanced) {
            onWatermark.accept(combiner.combined());
        }
    }

    public void endOfInput(int input) {
        if (!ended[input]) {
            ended[input] = true;
            combiner.setIdle(input, false);
            watermark(input, Watermarks.END_OF_TIME);
            if (++endedCount == ended.length) {
                onEnd.run();
            }
        }
    }

    public long combined() {
        return combiner.combined();
    }

    /** The combiner's state, which inputs ended, and whether this operator reported itself idle. */
    private record Snapshot(Object combiner, boolean[] ended, boolean idle) {
    }

    @Override
    public Object snapshotState() {
        return new Snapshot(combiner.snapshotState(), ended.clone(), idle);
    }

    /** Combines several tasks' snapshots (a rescale): watermarks the minimum, an input ended if it ended in all. */
    @Override
    public void restoreStates(java.util.List<Object> states) {
        java.util.List<Snapshot> all = new java.util.ArrayList<>();
        for (Object state : states) {
            Snapshot s = Snapshots.expect(state, Snapshot.class, "multi-input operator");
            if (s.ended().length != ended.length) {
                throw new IllegalArgumentException("the snapshot has " + s.ended().length + " inputs, this operator "
                        + ended.length);
            }
            all.add(s);
        }
        combiner.restoreStates(all.stream().map(Snapshot::combiner).toList());
        endedCount = 0;
        for (int i = 0; i < ended.length; i++) {
            final int input = i;
            ended[i] = all.stream().allMatch(s -> s.ended()[input]);
            endedCount += ended[i] ? 1 : 0;
        }
        idle = false;
    }

    @Override
    public void restoreState(Object state) {
        Snapshot s = Snapshots.expect(state, Snapshot.class, "multi-input operator");
        if (s.ended().length != ended.length) {
            throw new IllegalArgumentException("the snapshot has " + s.ended().length + " inputs, this operator "
                    + ended.length);
        }
        combiner.restoreState(s.combiner());
        System.arraycopy(s.ended(), 0, ended, 0, ended.length);
        endedCount = 0;
        for (boolean e : ended) {
            endedCount += e ? 1 : 0;
        }
        idle = s.idle();
    }

    /** Receives the elements of one input of a multi-input operator. */
    @FunctionalInterface
    public interface ElementHandler<T> {
        void element(T value, long timestampMillis, dev.weir.api.event.Headers headers);
    }

    /**
     * The {@link Input} for upstream edge {@code index}: elements go to {@code elements}, control signals
     * (watermark, idleness, end of input) to this bookkeeping.
     */
    public <T> Input<T> input(int index, ElementHandler<T> elements) {
        return new Input<>() {
            @Override
            public void element(T value, long timestampMillis, dev.weir.api.event.Headers headers) {
                elements.element(value, timestampMillis, headers);
            }

            @Override
            public void watermark(long watermarkMillis) {
                MultiInput.this.watermark(index, watermarkMillis);
            }

            @Override
            public void idle(boolean idle) {
                MultiInput.this.idle(index, idle);
            }

            @Override
            public void endOfInput() {
                MultiInput.this.endOfInput(index);
            }
        };
    }
}
