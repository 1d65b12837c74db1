package dev.weir.runtime.task;

import dev.weir.api.event.Headers;
import java.util.ArrayDeque;

/**
 * The in-task path of a shuffle: a record whose key group the writing task owns itself, and the writer's own
 * watermarks, idleness, end of input and savepoint barrier for its own partition, go from the shuffle's writer
 * ({@link ShuffleSink}) straight to its reader ({@link ShuffleSource}) on the engine thread, without Kafka — as a
 * chained operator call.
 *
 * <p>Why this keeps exactly-once: once the reader is {@linkplain #open open}, delivery is synchronous (the reader
 * pushes the record through the downstream operators before {@link #data} returns), so at a batch boundary, where
 * checkpoints are taken, nothing is in flight on this channel: what the writer sent is in the downstream state, and
 * what it will send is regenerated from the upstream positions of the same snapshot. Records and control signals keep
 * the order they were sent in, as on the writer's Kafka partition, so the reader's minimum over writers still holds.
 * Only what is sent before the reader's first poll waits here ({@link #waiting()}): the engine polls every source
 * before the first batch boundary, and the reader opens the channel then.
 */
final class LocalShuffleChannel {
    /** The reader's end of a channel. */
    interface Receiver {
        void localData(Object value, long timestampMillis, Headers headers);

        /**
         * @param kind        {@link ShuffleCodec#WATERMARK} … {@link ShuffleCodec#BARRIER}
         * @param valueMillis the watermark, or the savepoint id of a barrier; 0 for the other kinds
         */
        void localControl(byte kind, long valueMillis);
    }

    private Receiver receiver;
    /** What was sent before the reader opened the channel, in order. */
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();

    /** Called once by the shuffle's reader of this task, when it can take records: delivers what waited, in order. */
    void open(Receiver r) {
        if (receiver != null) {
            throw new IllegalStateException("a local shuffle channel has one reader");
        }
        receiver = r;
        while (!waiting.isEmpty()) {
            waiting.poll().run();
        }
    }

    void data(Object value, long timestampMillis, Headers headers) {
        if (receiver == null) {
            waiting.add(() -> receiver.localData(value, timestampMillis, headers));
        } else {
            receiver.localData(value, timestampMillis, headers);
        }
    }

    /** @param valueMillis the watermark, or the savepoint id of a barrier; 0 for the other kinds */
    void control(byte kind, long valueMillis) {
        if (receiver == null) {
            waiting.add(() -> receiver.localControl(kind, valueMillis));
        } else {
            receiver.localControl(kind, valueMillis);
        }
    }

    /** Records and signals sent before the reader opened the channel and not yet delivered. */
    int waiting() {
        return waiting.size();
    }
}
