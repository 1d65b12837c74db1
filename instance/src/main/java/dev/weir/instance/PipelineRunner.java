package dev.weir.instance;

import dev.weir.runtime.checkpoint.store.FileSystemObjectStore;
import dev.weir.runtime.checkpoint.store.ObjectStore;
import dev.weir.runtime.checkpoint.store.S3Config;
import dev.weir.runtime.checkpoint.store.S3ObjectStore;
import dev.weir.runtime.engine.JobResult;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.spec.FunctionLoader;
import dev.weir.runtime.spec.SpecCompiler;
import dev.weir.runtime.spec.SpecContext;
import dev.weir.runtime.state.StateBackendTuning;
import dev.weir.runtime.task.LocalSnapshotStore;
import dev.weir.runtime.task.S3SnapshotStore;
import dev.weir.runtime.task.SnapshotStore;
import dev.weir.runtime.task.TaskId;
import dev.weir.runtime.task.TaskRunner;
import dev.weir.runtime.task.TaskSavepoints;
import dev.weir.runtime.task.TaskSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Runs the configured pipeline — whole, on {@link LocalEngine}, or one task of it on the distributed runtime
 * ({@link TaskRunner}) when {@code weir.task.*} is set — in a dedicated thread, started when the application starts and
 * interrupted when it stops. The application keeps serving health and metrics after the pipeline ends.
 */
@ApplicationScoped
public class PipelineRunner {
    private static final Logger LOG = Logger.getLogger(PipelineRunner.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final InstanceConfig config;
    private final PipelineStatus status;
    private final PipelineMetrics metrics;
    private Thread thread;
    private volatile TaskRunner task;

    PipelineRunner(InstanceConfig config, PipelineStatus status, PipelineMetrics metrics) {
        this.config = config;
        this.status = status;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent event) {
        metrics.registerState();
        thread = new Thread(this::run, "weir-pipeline");
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (thread != null && thread.isAlive()) {
            thread.interrupt();
            thread.join(STOP_TIMEOUT.toMillis());
        }
    }

    /** The running task, in task mode, once it was created. */
    Optional<TaskRunner> task() {
        return Optional.ofNullable(task);
    }

    private void run() {
        Path spec = config.pipeline().spec();
        List<Path> jars = config.pipeline().jars().orElse(List.of());
        try (FunctionLoader functions = FunctionLoader.withJars(jars)) {
            PipelineGraph graph = new SpecCompiler(SpecContext.defaults().withFunctions(functions)).compile(spec);
            status.running();
            LOG.infof("pipeline '%s' from %s running", graph.name(), spec);
            JobResult result = config.task().isPresent()
                    ? runTask(graph, config.task().get())
                    : new LocalEngine().run(graph, live -> metrics.publish(graph.name(), live));
            status.finished();
            LOG.infof("pipeline '%s' finished in %d ms", graph.name(), result.elapsed().toMillis());
        } catch (NoSuchFileException e) {
            fail("no such file: " + e.getFile(), null);
        } catch (Exception e) {
            fail(e.getMessage() != null ? e.getMessage() : e.toString(), e);
        }
    }

    private JobResult runTask(PipelineGraph graph, InstanceConfig.Task task) throws Exception {
        TaskId id = new TaskId(graph.name(), task.index(), task.parallelism());
        SnapshotStore store;
        ObjectStore savepointStore;
        if (task.s3().isPresent()) {
            InstanceConfig.S3 s3 = task.s3().get();
            S3Config s3Config = new S3Config(s3.endpoint(), s3.region().orElse(S3Config.DEFAULT_REGION), s3.bucket(),
                    s3.accessKey(), s3.secretKey(), s3.prefix().orElse(""));
            store = new S3SnapshotStore(new S3ObjectStore(s3Config));
            savepointStore = new S3ObjectStore(s3Config);
        } else {
            Path snapshots = task.snapshots().orElseThrow(() -> new IllegalArgumentException(
                    "task mode needs a checkpoint store: set weir.task.s3.* or weir.task.snapshots"));
            store = new LocalSnapshotStore(snapshots);
            savepointStore = new FileSystemObjectStore(task.savepoints().orElse(snapshots.resolve("savepoints")));
        }
        StateBackendTuning tuning = new StateBackendTuning(
                task.rocksdbBlockCache().map(m -> m.asLongValue()).orElse(StateBackendTuning.DEFAULTS.blockCacheBytes()),
                task.rocksdbWriteBuffers().map(m -> m.asLongValue())
                        .orElse(StateBackendTuning.DEFAULTS.writeBufferBytes()));
        TaskSettings settings = new TaskSettings(task.kafkaBootstrap(), store, Map.of(), task.localDir()
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "weir-tasks")), tuning)
                .withSavepoints(new TaskSavepoints(savepointStore));
        LOG.infof("running task %s (%s, checkpoint every %s, %s state, checkpoints in %s)", id,
                graph.options().deliveryGuarantee(), graph.options().checkpointInterval(),
                graph.options().stateBackend(), store);
        TaskRunner runner = new TaskRunner(graph, id, settings);
        task.restoreSavepoint().ifPresent(path -> {
            LOG.infof("task %s starts from savepoint %s unless it has a checkpoint of its own", id, path);
            runner.fromSavepoint(path);
        });
        this.task = runner;
        metrics.registerStateMemory(graph.name(), runner::stateNativeMemoryBytes);
        return runner.run(live -> metrics.publish(graph.name(), live));
    }

    private void fail(String message, Exception cause) {
        if (status.state() == PipelineState.FINISHED) {
            // the run completed; only releasing the function jars failed
            LOG.warnf(cause, "pipeline from %s finished, but closing its function jars failed: %s",
                    config.pipeline().spec(), message);
            return;
        }
        status.failed(message);
        LOG.errorf(cause, "pipeline from %s failed: %s", config.pipeline().spec(), message);
    }
}
