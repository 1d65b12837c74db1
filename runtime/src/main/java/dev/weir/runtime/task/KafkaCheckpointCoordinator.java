package dev.weir.runtime.task;

import dev.weir.runtime.checkpoint.CheckpointCoordinator;
import dev.weir.runtime.checkpoint.Checkpointer;
import dev.weir.runtime.graph.DeliveryGuarantee;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints a task every interval and at end of input: (1) snapshot the task, (2) store the snapshot under a
 * new {@link CheckpointName}, (3) commit the task's output together with its readers' positions, whose metadata
 * names the snapshot — one Kafka transaction under exactly-once; a flush, then an offset commit, under
 * at-least-once — and (4) delete older snapshots. A crash anywhere before (3) completes leaves the previous
 * checkpoint committed; its snapshot is still stored, and the output since is aborted (or, at-least-once,
 * written again).
 */
final class KafkaCheckpointCoordinator implements CheckpointCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCheckpointCoordinator.class);
    /** Snapshots kept besides the latest committed one (the one before it, for inspection). */
    private static final int EXTRA_RETAINED = 1;

    private final TaskId task;
    private final SnapshotStore snapshots;
    private final DeliveryGuarantee guarantee;
    private final TaskProducer producer;
    private final TaskConsumer consumer;
    private final TaskReaders readers;
    private final String attempt = CheckpointName.newAttempt();
    private final long intervalMillis;
    private long nextCheckpointId;
    private long nextDueMillis = Long.MIN_VALUE;
    private long completed;
    private volatile boolean stopRequested;

    KafkaCheckpointCoordinator(TaskId task, SnapshotStore snapshots, DeliveryGuarantee guarantee,
                               java.time.Duration interval, TaskProducer producer, TaskConsumer consumer,
                               TaskReaders readers, long lastCheckpointId) {
        this.task = task;
        this.snapshots = snapshots;
        this.guarantee = guarantee;
        this.producer = producer;
        this.consumer = consumer;
        this.readers = readers;
        this.intervalMillis = interval.toMillis();
        this.nextCheckpointId = lastCheckpointId + 1;
    }

    /** Thrown at a batch boundary after the final checkpoint of a {@linkplain #requestStop() stop}. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped after a final checkpoint", null, false, false);
        }
    }

    /** The next batch boundary takes a final checkpoint and ends the run (with {@link Stopped}). */
    void requestStop() {
        stopRequested = true;
    }

    @Override
    public void onBatchBoundary(long nowMillis, Checkpointer checkpointer) throws Exception {
        if (stopRequested) {
            checkpoint(checkpointer);
            throw new Stopped();
        }
        if (nextDueMillis == Long.MIN_VALUE) {
            nextDueMillis = nowMillis + intervalMillis;
        } else if (nowMillis >= nextDueMillis) {
            checkpoint(checkpointer);
            nextDueMillis = nowMillis + intervalMillis;
        }
    }

    @Override
    public void onEndOfInput(Checkpointer checkpointer) throws Exception {
        checkpoint(checkpointer);
    }

    /** Checkpoints completed by this run. */
    long completed() {
        return completed;
    }

    private void checkpoint(Checkpointer checkpointer) throws Exception {
        long started = System.nanoTime();
        CheckpointName name = new CheckpointName(nextCheckpointId++, attempt);
        byte[] snapshot = checkpointer.snapshot();
        snapshots.write(task, name, snapshot);
        Map<TopicPartition, OffsetAndMetadata> offsets = readers.offsets(name.metadata());
        producer.commit(offsets, task.groupId());
        if (guarantee == DeliveryGuarantee.AT_LEAST_ONCE && !offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
        completed++;
        snapshots.deleteOlderThan(task, name.id() - EXTRA_RETAINED);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: checkpoint {} committed ({} bytes, {} ms)", task, name.fileName(), snapshot.length,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
