package dev.weir.instance;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The instance's configuration, under the {@code weir} prefix; validated once at start-up. */
@ConfigMapping(prefix = "weir")
public interface InstanceConfig {

    /** The pipeline this instance runs. */
    Pipeline pipeline();

    /**
     * {@code weir.task.*}: when set, the instance runs one task of the pipeline on the distributed runtime (Kafka
     * shuffles, checkpoints, transactions); when absent, the whole pipeline in this process.
     */
    Optional<Task> task();

    interface Task {
        /** {@code weir.task.index}: which task, 0-based. */
        int index();

        /** {@code weir.task.parallelism}: how many tasks the pipeline runs (one per instance). */
        int parallelism();

        /** {@code weir.task.kafka-bootstrap}: the Kafka cluster of the task's shuffles and transactions. */
        String kafkaBootstrap();

        /** {@code weir.task.snapshots}: the directory holding checkpoint snapshots (shared by the instances). */
        Path snapshots();
    }

    interface Pipeline {
        /** {@code weir.pipeline.spec}: the pipeline spec file (JSON); relative paths inside it resolve against its directory. */
        Path spec();

        /**
         * {@code weir.pipeline.jars}: jars with function classes, comma-separated; empty means the runtime's built-in
         * functions and the application's class path only. Not available in a native image (see docs/operations/instance.md).
         */
        Optional<List<Path>> jars();
    }
}
