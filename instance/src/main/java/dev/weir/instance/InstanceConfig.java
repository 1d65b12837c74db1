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

        /**
         * {@code weir.task.snapshots}: a directory holding checkpoints (shared by the instances), when no S3 store is
         * configured.
         */
        Optional<Path> snapshots();

        /**
         * {@code weir.task.s3.*}: checkpoints in an S3-compatible object store (MinIO, AWS S3); state survives the
         * loss of the machine. Takes precedence over {@code snapshots}.
         */
        Optional<S3> s3();

        /**
         * {@code weir.task.local-dir}: scratch space for RocksDB state and checkpoints in transit; wiped per task at
         * start. Defaults to {@code <java.io.tmpdir>/weir-tasks}.
         */
        Optional<Path> localDir();

        /**
         * {@code weir.task.rocksdb-block-cache}: for pipelines with {@code stateBackend: rocksdb}, the block cache shared
         * by the task's databases, e.g. {@code 256M}; write buffers are charged to it, so it bounds RocksDB's native
         * memory. Default 64M. (No {@code @WithDefault} in this optional group: it would make task mode present.)
         */
        Optional<io.quarkus.runtime.configuration.MemorySize> rocksdbBlockCache();

        /** {@code weir.task.rocksdb-write-buffers}: the memtable budget within the block cache. Default 32M. */
        Optional<io.quarkus.runtime.configuration.MemorySize> rocksdbWriteBuffers();

        /**
         * {@code weir.task.savepoints}: a directory for savepoints (shared by the instances) when no S3 store is
         * configured; with {@code weir.task.s3.*} savepoints go to the S3 store under {@code savepoints/}.
         */
        Optional<Path> savepoints();

        /**
         * {@code weir.task.restore-savepoint}: start the task from this savepoint (a path as given to
         * {@code POST /weir/savepoint}), taken at any parallelism, unless the task has a checkpoint of its own since.
         */
        Optional<String> restoreSavepoint();

        /**
         * {@code weir.task.control-token}: the bearer token {@code POST /weir/savepoint} requires; without it the
         * endpoint refuses every request.
         */
        Optional<String> controlToken();
    }

    /** Where an S3-compatible checkpoint store is; the secret comes from configuration, never from logs. */
    interface S3 {
        /** {@code weir.task.s3.endpoint}, e.g. {@code https://minio.example.com:9000}. */
        java.net.URI endpoint();

        /**
         * {@code weir.task.s3.region}; {@code us-east-1} when absent (no {@code @WithDefault}: a default inside an
         * optional group would make the group, and so task mode, present).
         */
        Optional<String> region();

        /** {@code weir.task.s3.bucket}; created if missing. */
        String bucket();

        /** {@code weir.task.s3.access-key}. */
        String accessKey();

        /** {@code weir.task.s3.secret-key}. */
        String secretKey();

        /** {@code weir.task.s3.prefix}: a key prefix for this deployment's checkpoints (may be empty). */
        Optional<String> prefix();
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
