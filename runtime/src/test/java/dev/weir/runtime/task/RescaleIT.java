package dev.weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.runtime.kafka.KafkaTestSupport;
import dev.weir.runtime.serde.JsonSerde;
import dev.weir.runtime.task.ExactlyOncePipelines.Event;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rescaling through a savepoint, on the real broker, with task processes ({@link TaskWorker}): a pipeline runs as
 * N processes on the first half of its input (unbounded sources), is stopped with a savepoint, the second half is
 * written, and the pipeline resumes from the savepoint as M processes until the end of the input;
 * the committed output of both runs together must equal the brute-force result over the whole input, record for
 * record. The second run also loses a task to {@code kill -9} right after it restored the savepoint, so a task of the
 * new run that has no checkpoint of its own yet restores the savepoint again.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RescaleIT extends TaskProcessHarness {
    @Override
    protected String workDirectoryName() {
        return "rescale-it";
    }

    /**
     * Event time of the second half of the input, after the first: events advance 2 ms each and come up to 600 ms
     * early, so the second half (shifted by 2 ms × n + 1 s) starts after every watermark of the first.
     */
    private static final long SECOND_HALF_SHIFT_MILLIS = 2 * 20_000 + 1_000;
    private static final long JOIN_SECOND_HALF_SHIFT_MILLIS = 2 * 10_000 + 1_000;

    private <T> List<String> committed(String topic, Class<T> type, Function<T, String> describe) throws Exception {
        JsonSerde<T> serde = JsonSerde.of(type);
        List<String> result = new ArrayList<>();
        List<String> raw = new ArrayList<>(); // partition@offset value: the order of the output, for a failure
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(topic)) {
            result.add(describe.apply(serde.deserialize(r.value())));
            raw.add(r.partition() + "@" + r.offset() + " " + describe.apply(serde.deserialize(r.value())));
        }
        Files.write(work.resolve(topic + "-committed.txt"), raw);
        result.sort(null);
        return result;
    }

    /**
     * Keyed window count, RocksDB state and checkpoints and savepoint in S3: 2 processes read the first half of the
     * input (unbounded), stop with a savepoint; the second half arrives; 3 processes finish it (bounded).
     */
    @Test
    void windowCountRescalesFromTwoToThreeProcessesThroughAnS3SavepointExactly() throws Exception {
        String in = kafka.createTopic("weir-rescale-in", PARTITIONS);
        String out = kafka.createTopic("weir-rescale-counts", 3);
        List<Event> input = produce(in, 20_000, 300, 31, 0);
        String pipeline = "rescale-" + in.substring(in.lastIndexOf('-') + 1);
        List<String> args = List.of("kind=window", "in=" + in, "out=" + out, "state=ROCKSDB", "interval=300");
        String store = "s3:rescale-it-" + System.nanoTime();

        int firstRun = stopWithSavepointMidStream(new Run(pipeline, 2, store, args, "bounded=false"), pipeline + "/before-rescale");
        assertThat(firstRun).as("records committed before the savepoint").isPositive();
        input.addAll(produce(in, 20_000, 300, 32, SECOND_HALF_SHIFT_MILLIS));
        new Run(pipeline, 3, store, args, "restore=" + pipeline + "/before-rescale").runKillingOnceAfterRestore();

        List<String> actual = committed(out, ExactlyOncePipelines.WindowCount.class, ExactlyOncePipelines::describe);
        assertThat(actual.size()).as("the second run added output").isGreaterThan(firstRun);
        assertExact(actual, ExactlyOncePipelines.expectedCounts(input), pipeline);
    }

    /**
     * Keyed window count by source partitions (input written by key, no shuffle), heap state, local store: 2
     * processes, then 3. The partitions move with their key groups: a task of the second run reads exactly the
     * partitions whose keys' counts it restored.
     */
    @Test
    void windowCountBySourcePartitionsRescalesFromTwoToThreeProcessesExactly() throws Exception {
        String in = kafka.createTopic("weir-rescale-bykey-in", PARTITIONS);
        String out = kafka.createTopic("weir-rescale-bykey-counts", 3);
        List<Event> input = produceByKey(in, 20_000, 300, 35, 0);
        String pipeline = "rescale-bykey-" + in.substring(in.lastIndexOf('-') + 1);
        List<String> args = List.of("kind=window", "in=" + in, "out=" + out, "interval=300", "partitioning=source");
        String store = Files.createDirectories(work.resolve("store-" + pipeline)).toAbsolutePath().toString();

        int firstRun = stopWithSavepointMidStream(new Run(pipeline, 2, store, args, "bounded=false"),
                pipeline + "/before-rescale");
        assertThat(firstRun).as("records committed before the savepoint").isPositive();
        input.addAll(produceByKey(in, 20_000, 300, 36, SECOND_HALF_SHIFT_MILLIS));
        new Run(pipeline, 3, store, args, "restore=" + pipeline + "/before-rescale").runKillingOnceAfterRestore();

        List<String> actual = committed(out, ExactlyOncePipelines.WindowCount.class, ExactlyOncePipelines::describe);
        assertThat(actual.size()).as("the second run added output").isGreaterThan(firstRun);
        assertThat(topicsStartingWith("weir." + pipeline)).as("shuffle topics").isEmpty();
        assertExact(actual, ExactlyOncePipelines.expectedCounts(input), pipeline);
    }

    /** Interval join over two shuffles (a two-input keyed operator), heap state, local store: 3 processes, then 2. */
    @Test
    void shuffledIntervalJoinRescalesFromThreeToTwoProcessesExactly() throws Exception {
        String orders = kafka.createTopic("weir-rescale-orders", PARTITIONS);
        String payments = kafka.createTopic("weir-rescale-payments", PARTITIONS);
        String out = kafka.createTopic("weir-rescale-joined", 3);
        List<Event> left = produce(orders, 10_000, 2_000, 41, 0);
        List<Event> right = produce(payments, 10_000, 2_000, 42, 0);
        String pipeline = "rescale-join-" + orders.substring(orders.lastIndexOf('-') + 1);
        List<String> args = List.of("kind=join", "in=" + orders, "in2=" + payments, "out=" + out, "interval=300");
        String store = Files.createDirectories(work.resolve("store-" + pipeline)).toAbsolutePath().toString();

        int firstRun = stopWithSavepointMidStream(new Run(pipeline, 3, store, args, "bounded=false"), "join/scale-in");
        assertThat(firstRun).as("records committed before the savepoint").isPositive();
        left.addAll(produce(orders, 10_000, 2_000, 43, JOIN_SECOND_HALF_SHIFT_MILLIS));
        right.addAll(produce(payments, 10_000, 2_000, 44, JOIN_SECOND_HALF_SHIFT_MILLIS));
        new Run(pipeline, 2, store, args, "restore=join/scale-in").runKillingOnceAfterRestore();

        List<String> actual = committed(out, ExactlyOncePipelines.Joined.class, ExactlyOncePipelines::describe);
        List<String> expected = ExactlyOncePipelines.expectedJoin(left, right);
        assertThat(expected).hasSizeGreaterThan(1_000);
        assertThat(actual.size()).as("the second run added output").isGreaterThan(firstRun);
        assertExact(actual, expected, pipeline);
    }

    /** Keys of the large-state test, and the heap of its task processes. */
    private static final int LARGE_KEYS = 80_000;
    private static final long LARGE_HEAP_BYTES = 128L << 20;

    /**
     * State larger than the heap: 2 processes with a 128 MB heap each remember a 4,000-character payload per key
     * (~160 MB of strings per task, 320 MB in all, were they on the heap), stop with a native savepoint (RocksDB files, S3), and 3
     * processes with the same heap restore it (each copies its key groups raw) and recall every payload; one is
     * killed with {@code kill -9} right after the restore. A canonical savepoint would decode every value onto the
     * heap.
     */
    @Test
    void stateLargerThanTheHeapRescalesFromTwoToThreeProcessesThroughANativeSavepoint() throws Exception {
        long perTaskStateBytes = (long) LARGE_KEYS / 2 * ExactlyOncePipelines.PAYLOAD_CHARS;
        assertThat(perTaskStateBytes).as("each first-run task's state exceeds its heap").isGreaterThan(LARGE_HEAP_BYTES);
        String in = kafka.createTopic("weir-large-in", PARTITIONS);
        String out = kafka.createTopic("weir-large-recalled", 3);
        List<Event> first = ExactlyOncePipelines.produceEveryKeyOnce(kafka, in, PARTITIONS, LARGE_KEYS, 0);
        String pipeline = "large-" + in.substring(in.lastIndexOf('-') + 1);
        List<String> args = List.of("kind=large", "in=" + in, "out=" + out, "state=ROCKSDB", "interval=1000");
        String store = "s3:large-it-" + System.nanoTime();
        String heap = "-Xmx" + (LARGE_HEAP_BYTES >> 20) + "m";

        Run before = new Run(pipeline, 2, store, args, "bounded=false").withHeap(heap);
        before.startAll();
        for (int i = 0; i < 2; i++) {
            before.awaitLog(i, "starting fresh");
        }
        awaitConsumed(before, in, LARGE_KEYS);
        stopWithSavepoint(before, pipeline + "/large");
        for (int i = 0; i < 2; i++) {
            assertThat(Files.readString(before.log(i))).contains("(NATIVE:");
        }
        assertThat(kafka.readAll(out)).as("nothing is recalled before every key was seen once").isEmpty();

        List<Event> second = ExactlyOncePipelines.produceEveryKeyOnce(kafka, in, PARTITIONS, LARGE_KEYS,
                2L * LARGE_KEYS + 1_000);
        new Run(pipeline, 3, store, args, "restore=" + pipeline + "/large").withHeap(heap).runKillingOnceAfterRestore();
        for (int i = 0; i < 3; i++) {
            Path taskDirectory = work.resolve("local-" + pipeline + "-" + i).resolve(pipeline).resolve("task-" + i);
            assertThat(taskDirectory.resolve("checkpoints")).as("task %d's local directory", i).isDirectory();
            assertThat(taskDirectory.resolve("savepoint")).as("the savepoint files task %d downloaded are deleted once "
                    + "restored", i).doesNotExist();
        }

        List<String> actual = committed(out, ExactlyOncePipelines.Recalled.class, ExactlyOncePipelines::describe);
        List<String> expected = new ArrayList<>();
        for (Event e : second) {
            expected.add(e.key() + "#2@" + ExactlyOncePipelines.crc(ExactlyOncePipelines.payload(e.key())));
        }
        expected.sort(null);
        assertThat(first).hasSize(LARGE_KEYS);
        assertExact(actual, expected, pipeline);
    }

    /** Waits until the run's consumer group committed {@code records} input offsets in {@code topic}. */
    private void awaitConsumed(Run run, String topic, long records) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (kafka.committedRecords(topic, run.pipeline) < records) {
            for (int i = 0; i < run.parallelism; i++) {
                assertThat(run.workers[i].isAlive()).as("task %d alive; log %s", i, run.log(i)).isTrue();
            }
            assertThat(System.nanoTime()).as("the first run consumes its input within 150 s").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * Starts {@code run}, lets it process until it committed some output, asks every task for a savepoint at {@code path}, and waits
     * until all wrote their part and exited. Returns the number of output records committed by then.
     */
    private int stopWithSavepointMidStream(Run run, String path) throws Exception {
        run.startAll();
        for (int i = 0; i < run.parallelism; i++) {
            run.awaitLog(i, "starting fresh");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (kafka.readCommittedSoFar(run.outTopic()).isEmpty()) { // some windows fired and committed: mid-stream
            assertThat(System.nanoTime()).as("the first run commits output within 90 s").isLessThan(deadline);
            Thread.sleep(200);
        }
        return stopWithSavepoint(run, path);
    }

    /** Asks every task of the started {@code run} for a savepoint at {@code path}; see {@link #stopWithSavepointMidStream}. */
    private int stopWithSavepoint(Run run, String path) throws Exception {
        Path written = Files.writeString(run.trigger.resolveSibling(run.trigger.getFileName() + ".tmp"), path);
        Files.move(written, run.trigger, java.nio.file.StandardCopyOption.ATOMIC_MOVE); // never read half-written
        run.awaitAll();
        for (int i = 0; i < run.parallelism; i++) {
            assertThat(Files.readString(run.log(i))).contains("savepoint part written");
        }
        return kafka.readAll(run.outTopic()).size();
    }

    /** The task processes of one run of a pipeline. */
    private final class Run {
        final String pipeline;
        final int parallelism;
        final String store;
        final List<String> args;
        final Path trigger;
        final Process[] workers;
        final int[] starts;
        String heap = "-Xmx256m";

        Run(String pipeline, int parallelism, String store, List<String> args, String extraArg) throws Exception {
            this.pipeline = pipeline;
            this.parallelism = parallelism;
            this.store = store;
            this.args = new ArrayList<>(args);
            this.args.add(extraArg);
            this.trigger = work.resolve(pipeline + "-p" + parallelism + "-trigger");
            Files.deleteIfExists(trigger);
            this.args.add("trigger=" + trigger.toAbsolutePath());
            this.workers = new Process[parallelism];
            this.starts = new int[parallelism];
        }

        Run withHeap(String maxHeap) {
            this.heap = maxHeap;
            return this;
        }

        String outTopic() {
            return args.stream().filter(a -> a.startsWith("out=")).findFirst().orElseThrow().substring(4);
        }

        Path log(int task) {
            return work.resolve(pipeline + "-p" + parallelism + "-task" + task + "-start" + (starts[task] - 1) + ".log");
        }

        void start(int task) throws Exception {
            Path local = work.resolve("local-" + pipeline + "-" + task);
            if (Files.exists(local)) {
                LocalSnapshotStore.deleteTree(local); // a new machine: everything comes from the stores
            }
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                    "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                    "-Dorg.slf4j.simpleLogger.log.dev.weir.runtime.task=info",
                    "-cp", System.getProperty("java.class.path"),
                    TaskWorker.class.getName(),
                    "bootstrap=" + KafkaTestSupport.BOOTSTRAP, "pipeline=" + pipeline, "index=" + task,
                    "parallelism=" + parallelism, "snapshots=" + store, "local=" + local.toAbsolutePath()));
            cmd.addAll(args);
            starts[task]++;
            File logFile = log(task).toFile();
            workers[task] = launch(new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile)));
        }

        void startAll() throws Exception {
            for (int i = 0; i < parallelism; i++) {
                start(i);
            }
        }

        void awaitLog(int task, String text) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(log(task)).contains(text)) {
                assertThat(workers[task].isAlive()).as("task %d alive; log %s", task, log(task)).isTrue();
                assertThat(System.nanoTime()).as("task %d logs '%s' within 60 s; log %s", task, text, log(task))
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
        }

        /** Starts all tasks; kills task 0 with SIGKILL once it restored the savepoint, restarts it, awaits all. */
        void runKillingOnceAfterRestore() throws Exception {
            startAll();
            awaitLog(0, "restoring savepoint");
            Thread.sleep(300);
            if (workers[0].isAlive()) {
                workers[0].destroyForcibly();
                workers[0].waitFor();
                start(0);
            }
            awaitAll();
        }

        void awaitAll() throws Exception {
            for (int i = 0; i < parallelism; i++) {
                assertThat(workers[i].waitFor(180, TimeUnit.SECONDS)).as("task %d finishes; log %s", i, log(i)).isTrue();
                assertThat(workers[i].exitValue()).as("task %d exit code; log %s", i, log(i)).isZero();
            }
        }
    }
}
