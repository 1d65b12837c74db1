package dev.weir.runtime.task;

import dev.weir.runtime.graph.DeliveryGuarantee;
import dev.weir.runtime.graph.KeyPartitioning;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.PipelineOptions;
import dev.weir.runtime.graph.StateBackendKind;
import dev.weir.runtime.checkpoint.store.S3Config;
import dev.weir.runtime.checkpoint.store.S3ObjectStore;
import dev.weir.runtime.checkpoint.store.FileSystemObjectStore;
import dev.weir.runtime.checkpoint.store.ObjectStore;
import dev.weir.runtime.state.SavepointFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A runtime instance process for the kill tests: runs one task of one of {@link ExactlyOncePipelines} and exits 0
 * when its input ended and the final checkpoint committed, 2 on failure (the error on stderr).
 *
 * <p>Arguments {@code key=value}: bootstrap, kind (window|join|large), pipeline, index, parallelism, snapshots (a directory,
 * or {@code s3:<key prefix>} for the S3 store of the {@code WEIR_S3_*} environment), local (the task's scratch
 * directory), state (HEAP|ROCKSDB), in, in2, dlq, out, guarantee, interval (ms), throttle (sleep 1 ms every n records),
 * bounded (true: the sources end at the end offsets they find at start; false: they run until stopped), restore (a
 * savepoint path to start from), partitioning (source: the window count keys by source partitions instead of by
 * hash), trigger (a file: once it exists, the task stops with a savepoint at the
 * path the file holds, optionally followed by a space and a {@link SavepointFormat}). Savepoints go to the snapshot
 * store's kind: the S3 store, or {@code <snapshots>/savepoints}.
 */
public final class TaskWorker {
    private TaskWorker() {
    }

    /** The S3 store of the environment, under {@code prefix}. */
    static S3Config s3(String prefix) {
        S3Config c = S3Config.fromEnvironment(System.getenv()).orElseThrow(() -> new IllegalStateException(
                S3Config.ENDPOINT + " is not set: start the S3 server with dev/s3.sh (dev/test.sh does)"));
        return new S3Config(c.endpoint(), c.region(), c.bucket(), c.accessKey(), c.secretKey(), prefix);
    }

    /** A daemon thread that asks {@code runner} to stop with a savepoint once {@code trigger} exists. */
    private static void watchTrigger(Path trigger, TaskRunner runner) {
        Thread t = new Thread(() -> {
            try {
                while (!Files.exists(trigger)) {
                    Thread.sleep(20);
                }
                String[] request = Files.readString(trigger).trim().split(" ");
                runner.stopWithSavepoint(new SavepointRequest(request[0], request.length > 1
                        ? SavepointFormat.valueOf(request[1]) : SavepointFormat.NATIVE));
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "savepoint-trigger");
        t.setDaemon(true);
        t.start();
    }

    public static void main(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        try {
            String bootstrap = a.get("bootstrap");
            int throttle = Integer.parseInt(a.getOrDefault("throttle", "0"));
            boolean bounded = Boolean.parseBoolean(a.getOrDefault("bounded", "true"));
            PipelineOptions options = PipelineOptions.defaults()
                    .withDeliveryGuarantee(DeliveryGuarantee.valueOf(a.getOrDefault("guarantee", "EXACTLY_ONCE")))
                    .withCheckpointInterval(Duration.ofMillis(Long.parseLong(a.getOrDefault("interval", "500"))))
                    .withStateBackend(StateBackendKind.valueOf(a.getOrDefault("state", "HEAP")));
            PipelineGraph graph = switch (a.get("kind")) {
                case "window" -> ExactlyOncePipelines.windowCount(a.get("pipeline"), options, bootstrap, a.get("in"),
                        a.get("dlq"), a.get("out"), throttle, bounded,
                        "source".equals(a.get("partitioning")) ? KeyPartitioning.sourcePartitions()
                                : KeyPartitioning.hash());
                case "join" -> ExactlyOncePipelines.intervalJoin(a.get("pipeline"), options, bootstrap, a.get("in"),
                        a.get("in2"), a.get("out"), throttle, bounded);
                case "large" -> ExactlyOncePipelines.largeState(a.get("pipeline"), options, bootstrap, a.get("in"),
                        a.get("out"), bounded);
                default -> throw new IllegalArgumentException("kind " + a.get("kind"));
            };
            TaskId task = new TaskId(a.get("pipeline"), Integer.parseInt(a.get("index")),
                    Integer.parseInt(a.get("parallelism")));
            String snapshots = a.get("snapshots");
            boolean s3 = snapshots.startsWith("s3:");
            SnapshotStore store = s3 ? new S3SnapshotStore(new S3ObjectStore(s3(snapshots.substring(3))))
                    : new LocalSnapshotStore(Path.of(snapshots));
            ObjectStore savepointStore = s3 ? new S3ObjectStore(s3(snapshots.substring(3)))
                    : new FileSystemObjectStore(Path.of(snapshots, "savepoints"));
            TaskSettings settings = new TaskSettings(bootstrap, store, Map.of(),
                    Path.of(a.getOrDefault("local", System.getProperty("java.io.tmpdir") + "/weir-tasks")))
                    .withSavepoints(new TaskSavepoints(savepointStore));
            TaskRunner runner = new TaskRunner(graph, task, settings);
            if (a.containsKey("restore")) {
                runner.fromSavepoint(a.get("restore"));
            }
            if (a.containsKey("trigger")) {
                watchTrigger(Path.of(a.get("trigger")), runner);
            }
            runner.run();
            System.out.println("task " + task + " finished");
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(2);
        }
    }
}
