package dev.weir.runtime.engine;

import dev.weir.api.event.Headers;
import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.checkpoint.Snapshots;
import dev.weir.runtime.graph.SourceNode;
import dev.weir.runtime.operator.OperatorMetrics;
import dev.weir.runtime.operator.Output;
import dev.weir.runtime.operator.Watermarks;
import dev.weir.runtime.source.ReadStatus;
import dev.weir.runtime.source.RecordSink;
import dev.weir.runtime.source.SourceReader;
import dev.weir.runtime.watermark.TimestampAssigner;
import dev.weir.runtime.watermark.WatermarkCombiner;
import dev.weir.runtime.watermark.WatermarkGenerator;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the partitions of one source: assigns timestamps, runs one watermark generator per partition, detects
 * idle partitions, and emits the source's watermark as the minimum over its active partitions. A finished
 * partition counts as watermark END_OF_TIME; when all are finished the source emits END_OF_TIME and end of input.
 *
 * <p>Its snapshot holds, per partition, the reader's position and the watermark generator's state (both must be
 * {@link Checkpointed}) and whether the partition finished, plus every partition's watermark and idle flag and the
 * source's idle flag and last emitted watermark. Processing-time bookkeeping is not part of it: a restored source
 * starts its idleness countdowns and its periodic emission schedule afresh, as Flink does, so time spent down does
 * not make partitions idle. A restored source whose partitions all finished emits nothing: its end of input already
 * went downstream before the snapshot.
 *
 * <p>Partitions are filed under their {@linkplain dev.weir.runtime.source.Source#partitionId ids}, so the snapshots of
 * several tasks (a savepoint) can be restored into a task that reads another subset of the partitions
 * ({@link #restoreStates}). A stop-with-savepoint {@linkplain #suspend() suspends} the source: it is no longer polled
 * and emits nothing more (no watermark, no idleness) in this run.
 */
final class SourceRunner<T> implements Checkpointed {
    private final String name;
    private final Output<T> output;
    private final OperatorMetrics metrics;
    private final SourceReader<T>[] readers;
    private final WatermarkGenerator[] generators;
    private final RecordSink<T>[] sinks;
    private final WatermarkCombiner combiner;
    private final int[] partitionIds;
    private final boolean drainedBySavepoint;
    private final boolean[] finished;
    private final long[] lastActivityMillis;
    private final TimestampAssigner<T> timestamps;
    private final boolean sourceProvidedWatermarks;
    private final long idleTimeoutMillis;
    /** How often idleness is checked when watermarks are not emitted periodically anyway, ms of processing time. */
    private static final long IDLE_CHECK_MILLIS = 100;
    private final boolean periodicEmission;
    private final long periodicIntervalMillis;
    private int unfinished;
    private boolean idle;
    private boolean restored;
    private boolean suspended;

    @SuppressWarnings("unchecked")
    SourceRunner(SourceNode<T> node, Output<T> output, OperatorMetrics metrics, long nowMillis) {
        this.name = node.name();
        this.output = output;
        this.metrics = metrics;
        int n = node.source().partitions();
        WatermarkStrategy<T> strategy = node.watermarks();
        this.readers = new SourceReader[n];
        this.generators = new WatermarkGenerator[n];
        this.sinks = new RecordSink[n];
        for (int p = 0; p < n; p++) {
            readers[p] = node.source().createReader(p);
            generators[p] = strategy.createGenerator();
            sinks[p] = new PartitionSink(p);
        }
        this.combiner = new WatermarkCombiner(Math.max(1, n));
        this.partitionIds = new int[n];
        for (int p = 0; p < n; p++) {
            partitionIds[p] = node.source().partitionId(p);
        }
        this.drainedBySavepoint = node.source().drainedBySavepoint();
        this.finished = new boolean[n];
        this.lastActivityMillis = new long[n];
        java.util.Arrays.fill(lastActivityMillis, nowMillis);
        this.timestamps = strategy.timestampAssigner();
        this.sourceProvidedWatermarks = strategy.sourceProvided();
        this.idleTimeoutMillis = strategy.idleTimeout().map(java.time.Duration::toMillis).orElse(-1L);
        this.periodicEmission = strategy.emission() instanceof WatermarkStrategy.Emission.Periodic;
        long emitEvery = strategy.emission() instanceof WatermarkStrategy.Emission.Periodic p
                ? p.interval().toMillis() : Long.MAX_VALUE;
        long idleCheckEvery = idleTimeoutMillis > 0 ? Math.max(1, Math.min(IDLE_CHECK_MILLIS, idleTimeoutMillis / 2))
                : Long.MAX_VALUE;
        this.periodicIntervalMillis = Math.min(emitEvery, idleCheckEvery);
        this.unfinished = n;
    }

    String name() {
        return name;
    }

    /**
     * Called once before the first poll: a source without unfinished partitions is complete at once (unless restored
     * from a checkpoint taken after its end of input went downstream).
     */
    void start() {
        if (unfinished == 0 && !restored) {
            output.watermark(Watermarks.END_OF_TIME);
            output.endOfInput();
        }
    }

    boolean isFinished() {
        return unfinished == 0;
    }

    /** Whether a stop-with-savepoint drains this source (a shuffle) rather than keeping its position. */
    boolean drainedBySavepoint() {
        return drainedBySavepoint;
    }

    /**
     * Stops reading for the rest of the run, as the first step of a stop-with-savepoint: no record, watermark or
     * idleness change leaves the source after this, and its state stays what it is now.
     */
    void suspend() {
        suspended = true;
    }

    /** How often {@link #onPeriodic} must run (watermark emission and idleness checks), ms; MAX_VALUE if never. */
    long periodicIntervalMillis() {
        return periodicIntervalMillis;
    }

    /** Polls every unfinished partition once. Returns whether any partition produced records. */
    boolean pollAll(int batchSize, long nowMillis) throws Exception {
        if (suspended) {
            return false;
        }
        boolean any = false;
        for (int p = 0; p < readers.length; p++) {
            if (finished[p]) {
                continue;
            }
            ReadStatus status = readers[p].poll(sinks[p], batchSize);
            switch (status) {
                case MORE -> {
                    any = true;
                    lastActivityMillis[p] = nowMillis;
                    if (combiner.isIdle(p)) {
                        setIdle(p, false);
                    }
                }
                case NOTHING_AVAILABLE -> {
                }
                case HELD_BACK -> lastActivityMillis[p] = nowMillis; // not idle: it has data it may not hand on yet
                case END_OF_INPUT -> finish(p);
            }
        }
        return any;
    }

    /** Periodic work: emit generator watermarks (periodic emission), mark partitions idle. */
    void onPeriodic(long nowMillis) {
        if (suspended) {
            return;
        }
        if (periodicEmission) {
            for (int p = 0; p < readers.length; p++) {
                if (!finished[p]) {
                    advance(p, generators[p].currentWatermark());
                }
            }
        }
        if (idleTimeoutMillis > 0) {
            markIdle(nowMillis);
        }
    }

    /**
     * Marks partitions idle whose last record is {@code idleTimeout} or more ago, the longest-inactive first: the
     * order in which they would have gone idle had this check run continuously. Were they marked in partition order
     * after a long pause of the loop (a slow poll), a partition with data could go idle before an empty one, every
     * partition would be idle at once, and the watermark the data allows would never be emitted.
     */
    private void markIdle(long nowMillis) {
        while (true) {
            int next = -1;
            for (int p = 0; p < readers.length; p++) {
                if (!finished[p] && !combiner.isIdle(p) && nowMillis - lastActivityMillis[p] >= idleTimeoutMillis
                        && (next < 0 || lastActivityMillis[p] < lastActivityMillis[next])) {
                    next = p;
                }
            }
            if (next < 0) {
                return;
            }
            setIdle(next, true);
        }
    }

    private void advance(int partition, long watermarkMillis) {
        if (combiner.update(partition, watermarkMillis)) {
            output.watermark(combiner.combined());
        }
    }

    private void setIdle(int partition, boolean isIdle) {
        boolean advanced = combiner.setIdle(partition, isIdle);
        if (combiner.allIdle() != idle) {
            idle = combiner.allIdle();
            output.idle(idle);
        }
        if (advanced) {
            output.watermark(combiner.combined());
        }
    }

    private void finish(int partition) throws Exception {
        finished[partition] = true;
        readers[partition].close();
        if (combiner.isIdle(partition)) {
            setIdle(partition, false);
        }
        advance(partition, Watermarks.END_OF_TIME);
        if (--unfinished == 0) {
            output.endOfInput();
        }
    }

    void close() throws Exception {
        for (int p = 0; p < readers.length; p++) {
            if (!finished[p]) {
                readers[p].close();
            }
        }
    }

    /** @param partitionId the partition's {@linkplain dev.weir.runtime.source.Source#partitionId stable id} */
    private record PartitionSnapshot(int partitionId, Object reader, Object generator, boolean finished) {
    }

    private record Snapshot(List<PartitionSnapshot> partitions, Object combiner, boolean idle) {
    }

    /**
     * @throws IllegalStateException if the reader of an unfinished partition or a watermark generator is not
     *                               {@link Checkpointed}
     */
    @Override
    public Object snapshotState() {
        List<PartitionSnapshot> partitions = new ArrayList<>(readers.length);
        for (int p = 0; p < readers.length; p++) {
            Object reader = finished[p] ? null : checkpointed(readers[p], "reader", p).snapshotState();
            partitions.add(new PartitionSnapshot(partitionIds[p], reader,
                    checkpointed(generators[p], "watermark generator", p).snapshotState(), finished[p]));
        }
        return new Snapshot(partitions, combiner.snapshotState(), idle);
    }

    private static Checkpointed checkpointed(Object o, String what, int partition) {
        if (o instanceof Checkpointed c) {
            return c;
        }
        throw new IllegalStateException("the " + what + " of partition " + partition + " (" + o.getClass().getName()
                + ") does not implement Checkpointed, so the source cannot be part of a snapshot");
    }

    @Override
    public void restoreState(Object state) {
        Snapshot s = Snapshots.expect(state, Snapshot.class, "source");
        if (s.partitions().size() != readers.length) {
            throw new IllegalArgumentException("the snapshot has " + s.partitions().size() + " partitions, the source "
                    + readers.length);
        }
        combiner.restoreState(s.combiner());
        unfinished = 0;
        for (int p = 0; p < readers.length; p++) {
            PartitionSnapshot ps = s.partitions().get(p);
            checkpointed(generators[p], "watermark generator", p).restoreState(ps.generator());
            finished[p] = ps.finished();
            if (ps.finished()) {
                closeFinished(readers[p]);
            } else {
                checkpointed(readers[p], "reader", p).restoreState(ps.reader());
                unfinished++;
            }
        }
        idle = s.idle();
        restored = true;
    }

    /**
     * Restores the snapshots of this source taken by several tasks (a savepoint, possibly of another parallelism):
     * each partition this runner reads resumes from the snapshot that has its id, with its reader position and
     * watermark generator; partitions no snapshot has start fresh. Watermarks and idleness start over from the
     * generators: every partition is active with its generator's current watermark, nothing is emitted until the run
     * goes on.
     *
     * @throws IllegalArgumentException if two snapshots have the same partition
     */
    @Override
    public void restoreStates(List<Object> states) {
        java.util.Map<Integer, PartitionSnapshot> byId = new java.util.HashMap<>();
        for (Object state : states) {
            for (PartitionSnapshot ps : Snapshots.expect(state, Snapshot.class, "source").partitions()) {
                if (byId.put(ps.partitionId(), ps) != null) {
                    throw new IllegalArgumentException("two snapshots have partition " + ps.partitionId());
                }
            }
        }
        unfinished = 0;
        for (int p = 0; p < readers.length; p++) {
            PartitionSnapshot ps = byId.get(partitionIds[p]);
            if (ps == null) {
                unfinished++;
                continue;
            }
            checkpointed(generators[p], "watermark generator", p).restoreState(ps.generator());
            finished[p] = ps.finished();
            if (ps.finished()) {
                closeFinished(readers[p]);
                combiner.update(p, Watermarks.END_OF_TIME);
            } else {
                checkpointed(readers[p], "reader", p).restoreState(ps.reader());
                combiner.update(p, generators[p].currentWatermark());
                unfinished++;
            }
        }
        // Every partition finished: the end of input is sent again, since this task's downstream (a new shuffle, or
        // other tasks' operators) did not see it in this lineage.
        restored = unfinished > 0;
    }

    private static void closeFinished(SourceReader<?> reader) {
        try {
            reader.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the reader of a finished partition failed: " + e, e);
        }
    }

    /** Receives one partition's records. */
    private final class PartitionSink implements RecordSink<T> {
        private final int partition;
        private final WatermarkGenerator generator;

        PartitionSink(int partition) {
            this.partition = partition;
            this.generator = generators[partition];
        }

        @Override
        public void record(T value, long sourceTimestampMillis, Headers headers) {
            metrics.incOut();
            long ts = timestamps.timestampMillis(value, sourceTimestampMillis);
            output.element(value, ts, headers);
            long w = generator.onEvent(ts);
            if (w != WatermarkGenerator.NONE && !sourceProvidedWatermarks) {
                advance(partition, w);
            }
        }

        @Override
        public void watermark(long watermarkMillis) {
            if (sourceProvidedWatermarks) {
                advance(partition, watermarkMillis);
            }
        }
    }
}
