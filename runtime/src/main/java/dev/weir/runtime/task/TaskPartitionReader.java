package dev.weir.runtime.task;

import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.source.ReadStatus;
import dev.weir.runtime.source.RecordSink;
import dev.weir.runtime.source.SourceReader;
import java.util.ArrayDeque;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one partition of a task from its {@link TaskConsumer} queue and tracks its position: the offset of the
 * next record to hand to the engine. The position is part of the task's snapshot and is the offset committed
 * with it, so a restored task resumes exactly after the last record its state contains.
 *
 * <p>Before the first poll the reader seeks once: to the restored position if the task was restored, otherwise
 * to its start position. A restored position that differs from the committed offset means the snapshot store and
 * Kafka disagree, and fails the task.
 */
abstract class TaskPartitionReader<T> implements SourceReader<T>, Checkpointed {
    protected final TaskConsumer consumer;
    protected final TopicPartition tp;
    private final TaskReaders registry;
    private final ArrayDeque<ConsumerRecord<byte[], byte[]>> queue;
    private long restoredOffset = -1;
    private long nextOffset = -1;
    private boolean finished;

    TaskPartitionReader(TaskConsumer consumer, TopicPartition tp, TaskReaders registry) {
        this.consumer = consumer;
        this.tp = tp;
        this.queue = consumer.register(tp, new TaskConsumer.QueueListener() {
            @Override
            public void queued(java.util.List<ConsumerRecord<byte[], byte[]>> records) {
                onQueued(records);
            }

            @Override
            public void cleared() {
                onQueueCleared();
            }
        });
        this.registry = registry;
        registry.add(this);
    }

    /** {@code records} (in offset order) were appended to the partition's queue by a fetch. */
    protected void onQueued(java.util.List<ConsumerRecord<byte[], byte[]>> records) {
    }

    /** The partition's queue was emptied before a seek. */
    protected void onQueueCleared() {
    }

    TopicPartition topicPartition() {
        return tp;
    }

    /** Offset of the next record this reader hands to the engine: the offset to commit. */
    long position() {
        initialize();
        return nextOffset;
    }

    private void initialize() {
        if (nextOffset >= 0) {
            return;
        }
        // A restored task resumes at the committed offset, which its snapshot also holds (partitions that had
        // finished are not restored, but still have their committed offset); a fresh task at its start position.
        long resumeAt = restoredOffset >= 0 ? restoredOffset : registry.committedOffset(tp);
        if (resumeAt >= 0) {
            consumer.seek(tp, resumeAt);
        } else {
            seekToStart();
        }
        nextOffset = consumer.position(tp);
        onInitialized();
    }

    /** Positions the consumer where a fresh (not restored) task starts reading. */
    protected abstract void seekToStart();

    /** After the position is known; e.g. read the end offset of a bounded partition. */
    protected void onInitialized() {
    }

    /** Whether the partition has ended once {@code position} is reached with nothing buffered. */
    protected abstract boolean endReached(long consumerPosition);

    /** Hands one record to the engine (or to a dead-letter topic, or handles a control record). */
    protected abstract void emit(ConsumerRecord<byte[], byte[]> record, RecordSink<T> sink) throws Exception;

    /** At the start of every poll of an unfinished partition, with the engine's sink of the partition. */
    protected void beforePoll(RecordSink<T> sink) {
    }

    /**
     * Queue length below which a poll also fetches, so records are queued (and decoded ahead) before the queue runs
     * dry; 0 (the default) fetches only when the queue is empty.
     */
    protected int fetchAheadBelow() {
        return 0;
    }

    /** Whether the partition holds its records back for now (back pressure from a shuffle of the task). */
    protected boolean heldBack() {
        return false;
    }

    /** Whether the partition has ended after emitting everything up to now (e.g. every shuffle writer ended). */
    protected boolean endedByContent() {
        return false;
    }

    @Override
    public final ReadStatus poll(RecordSink<T> sink, int maxRecords) throws Exception {
        if (finished) {
            return ReadStatus.END_OF_INPUT;
        }
        beforePoll(sink);
        initialize();
        if (heldBack()) {
            return ReadStatus.HELD_BACK;
        }
        if (queue.isEmpty()) {
            if (endReached(consumer.position(tp))) {
                finished = true;
                return ReadStatus.END_OF_INPUT;
            }
            consumer.fetch();
            if (queue.isEmpty()) {
                return ReadStatus.NOTHING_AVAILABLE;
            }
        } else if (queue.size() < fetchAheadBelow()) {
            consumer.fetch();
        }
        int n = 0;
        while (n < maxRecords && !queue.isEmpty()) {
            ConsumerRecord<byte[], byte[]> r = queue.poll();
            nextOffset = r.offset() + 1;
            emit(r, sink);
            n++;
            if (endedByContent()) {
                finished = true;
                n += queue.size();
                queue.clear();
                break;
            }
        }
        consumer.drained(tp, n, queue.size());
        return finished && n == 0 ? ReadStatus.END_OF_INPUT : ReadStatus.MORE;
    }

    /** The reader's own state besides its position (e.g. shuffle writers' watermarks); null if none. */
    protected Object snapshotExtra() {
        return null;
    }

    protected void restoreExtra(Object extra) {
    }

    /** What a snapshot keeps of a partition reader. */
    record ReaderState(String topic, int partition, long nextOffset, boolean finished, Object extra) {
    }

    @Override
    public Object snapshotState() {
        return new ReaderState(tp.topic(), tp.partition(), position(), finished, snapshotExtra());
    }

    @Override
    public void restoreState(Object state) {
        ReaderState s = (ReaderState) state;
        if (!s.topic().equals(tp.topic()) || s.partition() != tp.partition()) {
            throw new IllegalStateException("snapshot of partition " + s.topic() + "-" + s.partition()
                    + " restored into the reader of " + tp);
        }
        long committed = registry.committedOffset(tp);
        if (committed >= 0 && committed != s.nextOffset() && !registry.restoresOlderCheckpoint()) {
            throw new IllegalStateException("the snapshot resumes " + tp + " at offset " + s.nextOffset()
                    + " but the committed offset is " + committed + ": the snapshot is not the committed checkpoint");
        }
        restoredOffset = s.nextOffset();
        finished = s.finished();
        restoreExtra(s.extra());
    }
}
