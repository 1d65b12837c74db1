package dev.weir.runtime.task;

import dev.weir.runtime.operator.Watermarks;
import dev.weir.runtime.watermark.WatermarkCombiner;

/**
 * What the reader of one shuffle partition knows of the writers (the upstream tasks, this task's own through the
 * {@link LocalShuffleChannel}, the others through Kafka): each one's latest watermark, idleness, end of input and
 * savepoint barrier. The partition's watermark is the minimum over writers that are not idle; it ends when every
 * writer ended; it is drained for a savepoint when every writer sent that savepoint's barrier (or ended).
 */
final class ShuffleWriters {
    private final String partition;
    private final int writers;
    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] ended;
    private WatermarkCombiner combiner;
    private int endedCount;
    /** Per writer: the id of the last savepoint barrier it sent (this run only; not part of snapshots). */
    private final long[] barriers;
    private final boolean[] barrierSeen;

    /** @param partition the partition's name, for messages */
    ShuffleWriters(String partition, int writers) {
        this.partition = partition;
        this.writers = writers;
        this.watermarks = new long[writers];
        this.idle = new boolean[writers];
        this.ended = new boolean[writers];
        this.combiner = new WatermarkCombiner(writers);
        this.barriers = new long[writers];
        this.barrierSeen = new boolean[writers];
        java.util.Arrays.fill(watermarks, Watermarks.UNKNOWN);
    }

    /** Writer {@code w} sent a record: a barrier it sent before is void (it went on after it: restarted). */
    void data(int w) {
        if (w >= 0 && w < writers) {
            barrierSeen[w] = false;
        }
    }

    /**
     * Writer {@code w} sent a control record. Returns whether the partition's watermark ({@link #watermark()})
     * advanced.
     *
     * @param kind        {@link ShuffleCodec#WATERMARK} … {@link ShuffleCodec#BARRIER}
     * @param valueMillis the watermark, or the savepoint id of a barrier
     * @throws IllegalStateException if there is no writer {@code w} (the topic was written at another parallelism)
     */
    boolean control(byte kind, int w, long valueMillis) {
        if (w < 0 || w >= writers) {
            throw new IllegalStateException("shuffle topic " + partition + " has a control record of writer " + w
                    + " but the pipeline has " + writers + " tasks (was it rescaled?)");
        }
        if (ended[w]) {
            return false; // a writer restored after its end re-sends it
        }
        return switch (kind) {
            case ShuffleCodec.BARRIER -> {
                barriers[w] = valueMillis;
                barrierSeen[w] = true;
                yield false;
            }
            case ShuffleCodec.WATERMARK -> {
                watermarks[w] = Math.max(watermarks[w], valueMillis);
                yield combiner.update(w, valueMillis);
            }
            case ShuffleCodec.IDLE, ShuffleCodec.ACTIVE -> {
                idle[w] = kind == ShuffleCodec.IDLE;
                yield combiner.setIdle(w, idle[w]);
            }
            case ShuffleCodec.END -> {
                ended[w] = true;
                endedCount++;
                idle[w] = false;
                watermarks[w] = Watermarks.END_OF_TIME;
                combiner.setIdle(w, false);
                yield combiner.update(w, Watermarks.END_OF_TIME);
            }
            default -> throw new IllegalStateException("unknown shuffle record kind " + kind);
        };
    }

    /** The minimum watermark over writers that are not idle. */
    long watermark() {
        return combiner.combined();
    }

    boolean allEnded() {
        return endedCount == writers;
    }

    /** Whether every writer sent the barrier of savepoint {@code savepointId} or ended. */
    boolean drainedFor(long savepointId) {
        for (int w = 0; w < writers; w++) {
            if (!ended[w] && !(barrierSeen[w] && barriers[w] == savepointId)) {
                return false;
            }
        }
        return true;
    }

    ShuffleSource.WriterStates snapshot() {
        return new ShuffleSource.WriterStates(watermarks.clone(), idle.clone(), ended.clone());
    }

    /** @throws IllegalStateException if the snapshot has another number of writers */
    void restore(ShuffleSource.WriterStates s) {
        if (s.watermarks().length != writers) {
            throw new IllegalStateException("snapshot of " + partition + " has " + s.watermarks().length
                    + " shuffle writers, the pipeline now has " + writers + " (rescaling needs a savepoint)");
        }
        combiner = new WatermarkCombiner(writers);
        endedCount = 0;
        for (int w = 0; w < writers; w++) {
            watermarks[w] = s.watermarks()[w];
            idle[w] = s.idle()[w];
            ended[w] = s.ended()[w];
            endedCount += ended[w] ? 1 : 0;
            combiner.update(w, watermarks[w]);
            combiner.setIdle(w, idle[w]);
        }
    }
}
