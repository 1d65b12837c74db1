package dev.weir.runtime.task;

import dev.weir.api.event.Headers;

/**
 * The in-task path of a shuffle: a record whose key group the writing task owns itself, and the writer's own
 * watermarks, idleness, end of input and savepoint barrier for its own partition, go from the shuffle's writer
 * ({@link ShuffleSink}) straight to its reader ({@link ShuffleSource}) on the engine thread, without Kafka — as a
 * chained operator call.
 *
 * <p>Why this keeps exactly-once: delivery is synchronous (the reader pushes the record through the downstream
 * operators before {@link #data} returns), so at every batch boundary, where checkpoints are taken, nothing is in
 * flight on this channel; what the writer sent is in the downstream state, and what it will send is regenerated from
 * the upstream positions of the same snapshot. Records and control signals of this writer stay in the order they were
 * sent, as on its Kafka partition, so the reader's minimum over writers still holds. The only records that wait are
 * those sent before the reader was first polled (it does not know its sink yet); it takes them first at that poll,
 * which comes before the first batch boundary.
 */
final class LocalShuffleChannel {
    /** The reader's end of a channel. */
    interface Receiver {
        void localData(Object value, long timestampMillis, Headers headers);

        /** A control signal of kind {@link ShuffleCodec#WATERMARK} … {@link ShuffleCodec#BARRIER}. */
        void localControl(byte kind, long valueMillis);
    }

    private Receiver receiver;

    /** Called once by the shuffle's reader of this task. */
    void connect(Receiver r) {
        if (receiver != null) {
            throw new IllegalStateException("a local shuffle channel has one reader");
        }
        receiver = r;
    }

    void data(Object value, long timestampMillis, Headers headers) {
        receiver().localData(value, timestampMillis, headers);
    }

    /** @param valueMillis the watermark of {@link ShuffleCodec#WATERMARK}, the savepoint id of a barrier; else 0 */
    void control(byte kind, long valueMillis) {
        receiver().localControl(kind, valueMillis);
    }

    private Receiver receiver() {
        if (receiver == null) {
            throw new IllegalStateException("the shuffle's reader of this task is not connected");
        }
        return receiver;
    }
}
