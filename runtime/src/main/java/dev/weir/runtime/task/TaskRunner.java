package dev.weir.runtime.task;

import dev.weir.runtime.checkpoint.store.SavepointStorage;
import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.SavepointFormat;
import dev.weir.runtime.engine.EngineRun;
import dev.weir.runtime.engine.JobResult;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.graph.DeliveryGuarantee;
import dev.weir.runtime.graph.Node;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.SourceNode;
import dev.weir.runtime.kafka.KafkaSource;
import dev.weir.runtime.kafka.TopicReadiness;
import dev.weir.runtime.operator.OperatorMetrics;
import dev.weir.runtime.operator.PipelineFailedException;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.StateBackendFactory;
import dev.weir.runtime.state.StateBackends;
import dev.weir.runtime.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task of a pipeline on the calling thread until its input ends (bounded sources) or the thread is
 * interrupted:
 * <ol>
 *   <li>creates the pipeline's shuffle topics if missing (one partition per task);</li>
 *   <li>starts the task's transactional producer, which <b>fences</b> any older instance of the same task and
 *       aborts its open transaction;</li>
 *   <li>reads the committed offsets of the task's partitions: their metadata names the snapshot of the last
 *       completed checkpoint, which is restored (a task without committed offsets starts fresh);</li>
 *   <li>runs the task's graph ({@link TaskGraph}) on the engine with a {@link KafkaCheckpointCoordinator}.</li>
 * </ol>
 *
 * <p><b>Savepoints.</b> {@link #stopWithSavepoint} ends the run with the task's part of a savepoint (all tasks of
 * the pipeline must be asked). A task {@linkplain #fromSavepoint started from a savepoint} belongs to a new
 * <em>lineage</em> ({@link TaskSavepoints#lineage}): new shuffle topics, and checkpoint names that say the lineage.
 * It restores its own latest checkpoint if the committed offsets name one of that lineage, and the savepoint (all
 * parts, combined for its key groups and partitions) otherwise, so a task of the new run that crashes before its first
 * checkpoint starts from the savepoint again.
 */
public final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    private final PipelineGraph graph;
    private final TaskId task;
    private final TaskSettings settings;
    private final Clock clock;
    private final ClassLoader classLoader;
    private volatile KafkaCheckpointCoordinator coordinator;
    private volatile StateBackendFactory stateBackends = StateBackendFactory.HEAP;
    private volatile boolean stopRequested;
    private volatile SavepointRequest savepointRequested;
    private String startFromSavepoint;

    public TaskRunner(PipelineGraph graph, TaskId task, TaskSettings settings) {
        this(graph, task, settings, Clock.system(), Thread.currentThread().getContextClassLoader());
    }

    public TaskRunner(PipelineGraph graph, TaskId task, TaskSettings settings, Clock clock, ClassLoader classLoader) {
        if (!graph.name().equals(task.pipeline())) {
            throw new IllegalArgumentException("task " + task + " does not belong to pipeline " + graph.name());
        }
        this.graph = graph;
        this.task = task;
        this.settings = settings;
        this.clock = clock;
        this.classLoader = classLoader;
        checkSameCluster();
    }

    /** Exactly-once needs one cluster: a Kafka transaction cannot span clusters. */
    private void checkSameCluster() {
        Map<String, String> other = new java.util.LinkedHashMap<>(TaskGraph.kafkaClusters(graph));
        other.values().removeIf(settings.bootstrapServers()::equals);
        if (!other.isEmpty()) {
            throw new IllegalArgumentException("pipeline " + graph.name() + ": Kafka sources and sinks must use the "
                    + "task's cluster " + settings.bootstrapServers() + " (one transaction per checkpoint); these "
                    + "do not: " + other);
        }
    }

    /**
     * Stops a running task after one more checkpoint (as Flink's stop-with-savepoint): output and offsets up to
     * that point are committed, windows that have not fired stay in the checkpoint for the next run. Returns at
     * once; {@link #run} returns when the checkpoint committed. Any thread may call it.
     */
    public void stop() {
        stopRequested = true;
        KafkaCheckpointCoordinator c = coordinator;
        if (c != null) {
            c.requestStop();
        }
    }

    /**
     * Stops the running task with a savepoint at {@code path} (as Flink's stop-with-savepoint, without draining
     * windows): its sources stop, the shuffles drain, and the task writes its part of the savepoint after committing
     * everything; {@link #run} then returns. Every task of the pipeline must be asked with the same path; the savepoint
     * is complete when all parts are written ({@link TaskSavepoints#read}). Returns at once; any thread may call it.
     * Keyed state is saved in the {@linkplain SavepointFormat#NATIVE native} format (RocksDB files: bounded memory
     * however large the state; restores into RocksDB pipelines only); see {@link #stopWithSavepoint(SavepointRequest)}.
     *
     * @throws IllegalArgumentException if {@code path} is not a valid savepoint path ({@link SavepointStorage#checkPath})
     * @throws IllegalStateException    if no savepoint store is configured
     * @throws IllegalArgumentException if something is stored at {@code path} already
     * @throws java.io.IOException      if the savepoint store cannot be read
     */
    public void stopWithSavepoint(String path) throws java.io.IOException {
        stopWithSavepoint(new SavepointRequest(path, SavepointFormat.NATIVE));
    }

    /** {@link #stopWithSavepoint(String)} in the request's format. */
    public void stopWithSavepoint(SavepointRequest request) throws java.io.IOException {
        if (settings.requireSavepoints().exists(request.path())) {
            throw new IllegalArgumentException("a savepoint exists at " + request.path()
                    + " already: choose another path");
        }
        savepointRequested = request;
        KafkaCheckpointCoordinator c = coordinator;
        if (c != null) {
            c.requestSavepoint(request);
        }
    }

    /**
     * Starts this task from the savepoint at {@code path} (taken at any parallelism) unless it has a checkpoint of
     * its own since. Call before {@link #run}.
     */
    public TaskRunner fromSavepoint(String path) {
        settings.requireSavepoints();
        this.startFromSavepoint = SavepointStorage.checkPath(path);
        return this;
    }

    /** The task, e.g. {@code orders/task-1-of-3}. */
    @Override
    public String toString() {
        return task.toString();
    }

    /** Native memory the task's state backends hold now (RocksDB), in bytes; any thread may call it. */
    public long stateNativeMemoryBytes() {
        return stateBackends.nativeMemoryBytes();
    }

    /** Runs the task; returns when its input ended, or it was {@linkplain #stop() stopped}, and the final checkpoint committed. */
    public JobResult run() throws Exception {
        return run(metrics -> { });
    }

    /**
     * Runs the task, handing {@code onStart} the live per-operator metrics before the first record (see
     * {@link LocalEngine#run(PipelineGraph, java.util.function.Consumer)}).
     */
    public JobResult run(Consumer<Map<String, OperatorMetrics>> onStart) throws Exception {
        String lineage = startFromSavepoint == null ? "" : TaskSavepoints.lineage(startFromSavepoint);
        ensureShuffleTopics(lineage);
        DeliveryGuarantee guarantee = graph.options().deliveryGuarantee();
        KafkaCheckpointCoordinator coordinator = null;
        StateBackendFactory stateBackends = StateBackendFactory.HEAP;
        try (TaskProducer producer = new TaskProducer(task, settings.bootstrapServers(), guarantee,
                     Duration.ofSeconds(60), settings.clientProperties());
             TaskConsumer consumer = new TaskConsumer(settings.bootstrapServers(), task.groupId(),
                     "weir-" + task.transactionalId(), settings.clientProperties());
             DecodeAhead decoder = graph.options().decodeAhead()
                     ? new DecodeAhead("weir-decode-" + task.transactionalId(), classLoader) : null) {
            producer.initialize();
            Path local = settings.localDirectory(task);
            LocalSnapshotStore.deleteTree(local); // never trusted: the task restores from the snapshot store
            Path savepointFiles = local.resolve("savepoint"); // a savepoint's part files, while it is restored
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitionsRead(lineage));
            Optional<CheckpointName> last;
            Optional<TaskSavepoints.Savepoint> savepoint = Optional.empty();
            if (startFromSavepoint == null) {
                last = lastCommittedCheckpoint(committed);
                if (last.isPresent() && !last.get().lineage().isEmpty()) {
                    throw new IllegalStateException(task + ": the committed checkpoint " + last.get().fileName()
                            + " belongs to a run started from a savepoint (lineage " + last.get().lineage()
                            + "); start the task from that savepoint again (weir.task.restore-savepoint) so it "
                            + "reads that run's shuffle topics and resumes from its own checkpoint");
                }
            } else {
                last = committedCheckpointOfLineage(committed, lineage);
                if (last.isEmpty()) {
                    savepoint = Optional.of(readSavepoint(savepointFiles,
                            graph.options().numberOfKeyGroups()));
                    committed = Map.of(); // the run the savepoint was taken from committed them: not ours
                }
            }
            Optional<RestoredSnapshot> restored = savepoint.isPresent() ? Optional.empty()
                    : restore(last, local.resolve("restore"));
            TaskReaders readers = new TaskReaders(committed);
            if (restored.isPresent() && !restored.get().name().equals(last.get())) {
                readers.restoreOlderCheckpoint();
            }
            stateBackends = StateBackends.create(graph.options().stateBackend(), local.resolve("state"), classLoader,
                    settings.stateTuning());
            this.stateBackends = stateBackends;
            if (restored.isPresent()) {
                stateBackends.restoreFrom(restored.get().directory());
            }
            if (savepoint.isPresent()) {
                stateBackends.restoreSavepointFiles(savepoint.get().fileDirectories());
            }
            TaskShuffles shuffles = new TaskShuffles();
            PipelineGraph taskGraph = TaskGraph.forTask(graph, task, lineage, consumer, producer, readers, shuffles,
                    classLoader, decoder);
            long lastCheckpointId = savepoint.map(TaskSavepoints.Savepoint::lastCheckpointId)
                    .orElseGet(() -> last.map(CheckpointName::id).orElse(0L));
            coordinator = new KafkaCheckpointCoordinator(task, settings.snapshots(),
                    guarantee, graph.options().checkpointInterval(), producer, consumer, readers, shuffles,
                    settings.savepoints(), lineage, lastCheckpointId, stateBackends, local.resolve("checkpoints"));
            this.coordinator = coordinator;
            if (stopRequested) {
                coordinator.requestStop();
            }
            if (savepointRequested != null) {
                coordinator.requestSavepoint(savepointRequested);
            }
            AtomicReference<Map<String, OperatorMetrics>> metrics = new AtomicReference<>(Map.of());
            EngineRun run = EngineRun.defaults().withCoordinator(coordinator).withStateBackends(stateBackends)
                    .withKeyGroups(KeyGroups.rangeOf(graph.options().numberOfKeyGroups(), task.parallelism(),
                            task.index()))
                    .withOnStart(live -> {
                        metrics.set(live);
                        onStart.accept(live);
                    });
            if (restored.isPresent()) {
                run = run.withRestore(restored.get().metadata());
            } else if (savepoint.isPresent()) {
                run = run.withSavepoint(savepoint.get().parts()).withAfterRestore(() -> {
                    try {
                        LocalSnapshotStore.deleteTree(savepointFiles); // the state was copied out of the parts' files
                    } catch (java.io.IOException e) {
                        LOG.warn("{}: cannot delete the savepoint files downloaded to {}: {}", task, savepointFiles,
                                e.toString());
                    }
                });
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(classLoader); // snapshots decode user types through it
            long started = System.nanoTime();
            try {
                return new LocalEngine(clock).run(taskGraph, run);
            } catch (PipelineFailedException e) {
                if (e.getCause() instanceof KafkaCheckpointCoordinator.Stopped) {
                    LOG.info("{}: stopped after checkpoint{}", task,
                            savepointRequested == null ? "" : " with savepoint " + savepointRequested.path());
                    return new JobResult(graph.name(), Duration.ofNanos(System.nanoTime() - started),
                            Map.copyOf(metrics.get()));
                }
                throw e;
            } finally {
                thread.setContextClassLoader(previous);
            }
        } finally {
            if (coordinator != null) {
                coordinator.close();
            }
            stateBackends.close(); // the engine closed it after a run; this covers failures before the run
        }
    }

    /** The checkpoint to restore (its files put under {@code directory}), if the task has one. */
    private Optional<RestoredSnapshot> restore(Optional<CheckpointName> last, Path directory) throws java.io.IOException {
        if (last.isEmpty()) {
            LOG.info("{}: no committed checkpoint, starting fresh", task);
            return Optional.empty();
        }
        long started = System.nanoTime();
        RestoredSnapshot restored = settings.snapshots().read(task, last.get(), directory);
        LOG.info("{}: restoring checkpoint {} (read in {} ms)", task, restored.name().fileName(),
                (System.nanoTime() - started) / 1_000_000);
        return Optional.of(restored);
    }

    /** The savepoint, with the files of the parts whose key groups overlap this task's (native state). */
    private TaskSavepoints.Savepoint readSavepoint(Path scratch, int numberOfKeyGroups) throws java.io.IOException {
        long started = System.nanoTime();
        KeyGroupRange mine = KeyGroups.rangeOf(numberOfKeyGroups, task.parallelism(), task.index());
        TaskSavepoints.Savepoint s = settings.requireSavepoints().read(startFromSavepoint, scratch,
                (index, parallelism) -> KeyGroups.rangeOf(numberOfKeyGroups, parallelism, index).intersects(mine));
        LOG.info("{}: restoring savepoint {} taken by {} tasks (read in {} ms, files of {} parts)", task, s.path(),
                s.parallelism(), (System.nanoTime() - started) / 1_000_000, s.fileDirectories().size());
        return s;
    }

    /**
     * The checkpoint the committed offsets name if the task committed one in {@code lineage} (after its start from
     * the savepoint); empty if they name checkpoints of the run the savepoint was taken from, or nothing.
     */
    private static Optional<CheckpointName> committedCheckpointOfLineage(Map<TopicPartition, OffsetAndMetadata> committed,
                                                                          String lineage) {
        Set<CheckpointName> names = new HashSet<>();
        for (OffsetAndMetadata om : committed.values()) {
            names.add(CheckpointName.fromMetadata(om.metadata()));
        }
        if (names.size() == 1) {
            CheckpointName n = names.iterator().next();
            if (n != null && n.lineage().equals(lineage)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /**
     * The checkpoint the task's committed offsets name. All of a task's partitions are committed in one
     * transaction, so they name the same one; anything else means the store and Kafka disagree.
     */
    private Optional<CheckpointName> lastCommittedCheckpoint(Map<TopicPartition, OffsetAndMetadata> committed) {
        Set<CheckpointName> names = new HashSet<>();
        for (OffsetAndMetadata om : committed.values()) {
            CheckpointName n = CheckpointName.fromMetadata(om.metadata());
            if (n == null) {
                throw new IllegalStateException(task + ": group " + task.groupId() + " has offsets not committed by a "
                        + "Weir checkpoint (metadata '" + om.metadata() + "'); use another pipeline name or delete them");
            }
            names.add(n);
        }
        if (names.size() > 1) {
            throw new IllegalStateException(task + ": committed offsets name different checkpoints " + names
                    + " (was the pipeline rescaled without a savepoint?)");
        }
        return names.stream().findFirst();
    }

    /** Every partition the task reads: its share of the Kafka sources and its partition of each shuffle topic. */
    private Set<TopicPartition> partitionsRead(String lineage) {
        Set<TopicPartition> result = new HashSet<>();
        for (Node n : graph.nodes()) {
            if (n instanceof SourceNode<?> s && s.source() instanceof KafkaSource<?> k) {
                for (int p : TaskGraph.ownedPartitions(graph, s, task)) {
                    result.add(new TopicPartition(k.config().topic(), p));
                }
            }
        }
        for (String topic : TaskGraph.shuffleTopics(graph, task, lineage)) {
            result.add(new TopicPartition(topic, task.index()));
        }
        return result;
    }

    /**
     * The topic's description; retried for up to 30 s while the broker does not know it yet: a topic another task
     * just created (our create failed with "exists") can still be missing from the metadata for a moment.
     */
    private static TopicDescription describeWhenKnown(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private void ensureShuffleTopics(String lineage) throws Exception {
        Set<String> topics = TaskGraph.shuffleTopics(graph, task, lineage);
        if (topics.isEmpty()) {
            return;
        }
        Map<String, Object> props = new HashMap<>(settings.clientProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, task.parallelism(), (short) -1)))
                            .all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
                TopicDescription d = describeWhenKnown(admin, topic);
                if (d.partitions().size() != task.parallelism()) {
                    throw new IllegalStateException("shuffle topic " + topic + " has " + d.partitions().size()
                            + " partitions, the pipeline runs " + task.parallelism() + " tasks");
                }
                TopicReadiness.await(admin, topic, task.parallelism(), Duration.ofSeconds(30));
            }
        }
    }
}
