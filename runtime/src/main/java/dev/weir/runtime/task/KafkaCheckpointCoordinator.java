package dev.weir.runtime.task;

import dev.weir.runtime.checkpoint.CheckpointCoordinator;
import dev.weir.runtime.checkpoint.Checkpointer;
import dev.weir.runtime.graph.DeliveryGuarantee;
import dev.weir.runtime.state.StateBackendFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints a task every interval and at end of input, in two phases so processing goes on while the state is
 * uploaded:
 * <ol>
 *   <li><b>Snapshot</b> (engine thread, between two batches): native state backends write a local checkpoint of their
 *       files (RocksDB: hard links, milliseconds), the engine encodes the rest, and the readers' positions are taken.
 *       Under exactly-once the producer starts holding new output: it belongs to the next checkpoint.</li>
 *   <li><b>Upload</b> (a background thread): the {@link SnapshotStore} stores the snapshot durably (S3: only files
 *       not stored before).</li>
 *   <li><b>Commit</b> (engine thread, at the first batch boundary after the upload finished): the task's output up to
 *       the snapshot is committed together with the readers' positions, whose metadata names the checkpoint — one
 *       Kafka transaction under exactly-once, a flush then an offset commit under at-least-once; then the held
 *       output is sent in the next transaction and older checkpoints are cleaned up (background).</li>
 * </ol>
 * One checkpoint is in flight at a time; when held output exceeds {@link #MAX_HELD_BYTES} the engine waits for the
 * upload (back pressure). A crash before a commit completes leaves the previous checkpoint committed; its snapshot
 * is still stored, and the output since is aborted (or, at-least-once, written again). A failed upload fails the task.
 *
 * <p><b>Stop with savepoint</b> ({@link #requestSavepoint}), at batch boundaries until done:
 * <ol>
 *   <li>the task's external sources are suspended (nothing more is read, no watermark or idleness change);</li>
 *   <li>each shuffle writer sends a barrier once everything upstream of it in the task is suspended or drained
 *       ({@link TaskShuffles}); checkpoints are taken back to back while anything changed, since a barrier (like all
 *       output) becomes visible to the other tasks only when a transaction commits;</li>
 *   <li>when every shuffle reader got the barriers of all writers, nothing is in flight anywhere for this task: the
 *       state backends are asked for the savepoint's format (native files under a local directory, or canonical
 *       objects), the savepoint bytes are taken, a final checkpoint commits the output and positions, then the task's
 *       part of the savepoint (bytes and files) is written and the run ends ({@link Stopped}).</li>
 * </ol>
 * A task that fails during the stop restarts from its last checkpoint without the request; the other tasks then wait
 * (the savepoint is never complete) until the request is made again to the restarted task.
 */
final class KafkaCheckpointCoordinator implements CheckpointCoordinator, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCheckpointCoordinator.class);
    /** Output held while an upload runs before the engine waits for it. */
    static final long MAX_HELD_BYTES = 64L << 20;

    private final TaskId task;
    private final SnapshotStore snapshots;
    private final DeliveryGuarantee guarantee;
    private final TaskProducer producer;
    private final TaskConsumer consumer;
    private final TaskReaders readers;
    private final TaskShuffles shuffles;
    private final java.util.Optional<TaskSavepoints> savepoints;
    private final String lineage;
    private final StateBackendFactory stateBackends;
    private final Path localCheckpoints;
    private final ExecutorService uploader;
    private final String attempt = CheckpointName.newAttempt();
    private final long intervalMillis;
    private long nextCheckpointId;
    private long nextDueMillis = Long.MIN_VALUE;
    private InFlight inFlight;
    private volatile boolean stopRequested;
    private volatile SavepointRequest savepointRequested;
    /** The reader positions of the last checkpoint begun, to see whether a stopping task changed since. */
    private Map<TopicPartition, OffsetAndMetadata> lastOffsets = Map.of();
    private boolean sourcesSuspended;
    /** A barrier was sent after the last checkpoint began: a checkpoint must commit it. */
    private boolean barrierUncommitted;

    /**
     * @param localCheckpoints a directory of this task run for the native files of checkpoints being uploaded
     */
    KafkaCheckpointCoordinator(TaskId task, SnapshotStore snapshots, DeliveryGuarantee guarantee,
                               java.time.Duration interval, TaskProducer producer, TaskConsumer consumer,
                               TaskReaders readers, TaskShuffles shuffles, java.util.Optional<TaskSavepoints> savepoints,
                               String lineage, long lastCheckpointId, StateBackendFactory stateBackends,
                               Path localCheckpoints) {
        this.task = task;
        this.shuffles = shuffles;
        this.savepoints = savepoints;
        this.lineage = lineage;
        this.snapshots = snapshots;
        this.guarantee = guarantee;
        this.producer = producer;
        this.consumer = consumer;
        this.readers = readers;
        this.intervalMillis = interval.toMillis();
        this.nextCheckpointId = lastCheckpointId + 1;
        this.stateBackends = stateBackends;
        this.localCheckpoints = localCheckpoints;
        this.uploader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "weir-" + task.transactionalId() + "-checkpoint-upload");
            t.setDaemon(true);
            return t;
        });
    }

    /** A checkpoint whose snapshot was taken and whose upload runs. */
    private record InFlight(CheckpointName name, Map<TopicPartition, OffsetAndMetadata> offsets, Future<?> upload,
                            Path localFiles, long startedNanos, long snapshotNanos) {
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

    /**
     * Stops the task with a savepoint at {@code path} (see the class comment); the run ends once the task's part is
     * written. Any thread may call it; the first request wins.
     */
    void requestSavepoint(SavepointRequest request) {
        if (savepoints.isEmpty()) {
            throw new IllegalStateException(task + ": no savepoint store is configured");
        }
        if (savepointRequested == null) {
            savepointRequested = request;
        }
    }

    @Override
    public void onBatchBoundary(long nowMillis, Checkpointer checkpointer) throws Exception {
        shuffles.flush();
        if (inFlight != null && (inFlight.upload().isDone() || producer.heldBytes() > MAX_HELD_BYTES)) {
            complete();
        }
        SavepointRequest savepoint = savepointRequested;
        if (savepoint != null) {
            stepTowardsSavepoint(savepoint, checkpointer);
            return;
        }
        if (stopRequested) {
            checkpointNow(checkpointer);
            throw new Stopped();
        }
        if (nextDueMillis == Long.MIN_VALUE) {
            nextDueMillis = nowMillis + intervalMillis;
        } else if (nowMillis >= nextDueMillis && inFlight == null) {
            begin(checkpointer);
            nextDueMillis = nowMillis + intervalMillis;
        }
    }

    private void stepTowardsSavepoint(SavepointRequest request, Checkpointer checkpointer) throws Exception {
        String path = request.path();
        long barrierId = TaskSavepoints.barrierId(path);
        if (!sourcesSuspended) {
            LOG.info("{}: stopping with savepoint {}: sources suspended, draining shuffles", task, path);
            checkpointer.suspendSources();
            sourcesSuspended = true;
        }
        barrierUncommitted |= shuffles.sendDueBarriers(barrierId);
        if (shuffles.drained(barrierId)) {
            if (inFlight != null) {
                complete();
            }
            long id = nextCheckpointId;
            Path nativeFiles = localCheckpoints.resolve("savepoint-" + id);
            stateBackends.prepareSavepoint(request.format(), nativeFiles);
            byte[] part = checkpointer.savepoint();
            checkpointNow(checkpointer);
            SortedMap<String, Path> files = filesUnder(nativeFiles);
            long bytes = sizeOf(files);
            long started = System.nanoTime();
            savepoints.orElseThrow().writePart(path, task, id, part, files);
            LocalSnapshotStore.deleteTree(nativeFiles);
            LOG.info("{}: savepoint part written to {} ({}: {} bytes of metadata, {} files of {} bytes, stored in {} ms) "
                            + "after checkpoint {}", task, path, request.format(), part.length, files.size(),
                    bytes, (System.nanoTime() - started) / 1_000_000, id);
            throw new Stopped();
        }
        if (inFlight == null && (barrierUncommitted || !readers.offsets("").equals(lastOffsets))) {
            begin(checkpointer);
        }
    }

    @Override
    public void onEndOfInput(Checkpointer checkpointer) throws Exception {
        checkpointNow(checkpointer);
    }

    /** Completes the checkpoint in flight, then takes one more and waits until it is committed. */
    private void checkpointNow(Checkpointer checkpointer) throws Exception {
        if (inFlight != null) {
            complete();
        }
        begin(checkpointer);
        complete();
    }

    private void begin(Checkpointer checkpointer) throws IOException {
        long started = System.nanoTime();
        CheckpointName name = new CheckpointName(nextCheckpointId++, attempt, lineage);
        Path local = localCheckpoints.resolve(name.fileName());
        shuffles.flush(); // batched shuffle records belong to this checkpoint
        stateBackends.prepareCheckpoint(local);
        byte[] metadata = checkpointer.snapshot();
        TaskSnapshot snapshot = new TaskSnapshot(metadata, filesUnder(local));
        Map<TopicPartition, OffsetAndMetadata> offsets = readers.offsets(name.metadata());
        lastOffsets = readers.offsets("");
        barrierUncommitted = false;
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            producer.holdSends();
        }
        long snapshotNanos = System.nanoTime() - started;
        Future<?> upload = uploader.submit(() -> {
            snapshots.write(task, name, snapshot);
            return null;
        });
        inFlight = new InFlight(name, offsets, upload, local, started, snapshotNanos);
    }

    private void complete() throws Exception {
        InFlight c = inFlight;
        inFlight = null;
        try {
            c.upload().get();
        } catch (ExecutionException e) {
            throw new IOException(task + ": storing checkpoint " + c.name().fileName() + " failed: " + e.getCause(),
                    e.getCause());
        }
        long uploadedNanos = System.nanoTime();
        producer.commit(c.offsets(), task.groupId());
        if (guarantee == DeliveryGuarantee.AT_LEAST_ONCE && !c.offsets().isEmpty()) {
            consumer.commitSync(c.offsets());
        }
        uploader.submit(() -> cleanUp(c));
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: checkpoint {} committed (snapshot {} ms, stored after {} ms, committed after {} ms)", task,
                    c.name().fileName(), c.snapshotNanos() / 1_000_000, (uploadedNanos - c.startedNanos()) / 1_000_000,
                    (System.nanoTime() - c.startedNanos()) / 1_000_000);
        }
    }

    /** After a commit: the local copy of the checkpoint's files and older stored checkpoints go. */
    private void cleanUp(InFlight c) {
        try {
            LocalSnapshotStore.deleteTree(c.localFiles());
            snapshots.retain(task, c.name());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: cleaning up after checkpoint {} failed (retried after the next one): {}", task,
                    c.name().fileName(), e.toString());
        }
    }

    private static long sizeOf(Map<String, Path> files) throws IOException {
        long n = 0;
        for (Path f : files.values()) {
            n += Files.size(f);
        }
        return n;
    }

    /** Every regular file under {@code dir} by path relative to it; empty if {@code dir} does not exist. */
    static SortedMap<String, Path> filesUnder(Path dir) throws IOException {
        SortedMap<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(dir.relativize(p).toString().replace(java.io.File.separatorChar, '/'), p);
                }
            }
        }
        return files;
    }

    /**
     * Stops the upload thread after the clean-up in progress (at most a few seconds); an upload still running is
     * abandoned (its checkpoint was never committed).
     */
    @Override
    public void close() {
        uploader.shutdown();
        try {
            if (!uploader.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                uploader.shutdownNow();
            }
        } catch (InterruptedException e) {
            uploader.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
