package dev.weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.runtime.kafka.KafkaTestSupport;
import dev.weir.runtime.serde.JsonSerde;
import dev.weir.runtime.task.ExactlyOncePipelines.Event;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exactly-once across 3 runtime instance processes on the real broker: each test runs a pipeline as 3 task
 * processes ({@link TaskWorker}), kills random ones with {@code kill -9} at random moments (at least 10 kills)
 * and restarts them, then checks that the committed output equals the brute-force result over the whole input:
 * nothing lost, nothing duplicated.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ExactlyOnceKillIT extends TaskProcessHarness {
    private static final int PARALLELISM = 3;
    private static final int MIN_KILLS = Integer.getInteger("weir.it.kills", 10);
    @Override
    protected String workDirectoryName() {
        return "exactly-once-it";
    }

    private List<Event> produce(String topic, int n, int keys, long seed) throws Exception {
        return produce(topic, n, keys, seed, 0);
    }

    @Test
    void keyedWindowCountOverThreeProcessesIsExactUnderKillMinus9AndPoisonIsDeadLetteredOnce() throws Exception {
        String in = kafka.createTopic("weir-eo-in", PARTITIONS);
        String out = kafka.createTopic("weir-eo-counts", 3);
        String dlq = kafka.createTopic("weir-eo-dlq", 1);
        List<Event> input = produce(in, 30_000, 300, 11);
        List<ProducerRecord<byte[], byte[]>> poison = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            poison.add(new ProducerRecord<>(in, i % PARTITIONS, ExactlyOncePipelines.BASE + 60_000,
                    null, ("{\"key\": \"broken-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        kafka.sendAll(poison);
        input.addAll(produce(in, 30_000, 300, 12, 60_000));
        String pipeline = "eo-window-" + in.substring(in.lastIndexOf('-') + 1);

        Cluster cluster = new Cluster(pipeline, List.of("kind=window", "in=" + in, "dlq=" + dlq, "out=" + out,
                "throttle=4"));
        int kills = cluster.runWithKills(new Random(5));

        List<String> dead = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(dlq)) {
            dead.add(new String(r.value(), StandardCharsets.UTF_8) + " from partition "
                    + new String(r.headers().lastHeader("weir.source.partition").value(), StandardCharsets.UTF_8));
        }
        dead.sort(null);
        List<String> expectedDead = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expectedDead.add("{\"key\": \"broken-" + i + " from partition " + (i % PARTITIONS));
        }
        expectedDead.sort(null);
        assertThat(dead).as("each poison record dead-lettered exactly once").isEqualTo(expectedDead);

        List<String> actual = ExactlyOncePipelines.committedCounts(kafka, out);
        assertThat(kills).isGreaterThanOrEqualTo(MIN_KILLS);
        assertExact(actual, ExactlyOncePipelines.expectedCounts(input), kills);
    }

    /**
     * The window count with its key-by by source partitions, over input written by key: no shuffle topic, each
     * process counts the keys of the partitions of its key groups, and a killed process restores them with those
     * partitions' positions.
     */
    @Test
    void keyedWindowCountBySourcePartitionsOverThreeProcessesIsExactUnderKillMinus9WithoutAShuffle() throws Exception {
        String in = kafka.createTopic("weir-eo-bykey-in", PARTITIONS);
        String out = kafka.createTopic("weir-eo-bykey-counts", 3);
        List<Event> input = produceByKey(in, 30_000, 300, 13, 0);
        input.addAll(produceByKey(in, 30_000, 300, 14, 60_000));
        String pipeline = "eo-bykey-" + in.substring(in.lastIndexOf('-') + 1);

        Cluster cluster = new Cluster(pipeline, List.of("kind=window", "in=" + in, "out=" + out, "throttle=4",
                "partitioning=source"));
        int kills = cluster.runWithKills(new Random(6));

        List<String> actual = ExactlyOncePipelines.committedCounts(kafka, out);
        assertThat(kills).isGreaterThanOrEqualTo(MIN_KILLS);
        assertThat(topicsStartingWith("weir." + pipeline)).as("shuffle topics").isEmpty();
        assertExact(actual, ExactlyOncePipelines.expectedCounts(input), kills);
    }

    /**
     * The window count again with RocksDB state and checkpoints in the S3 store (s3proxy): every restart deletes the
     * task's local directory first, as on a new machine, so each restore comes from the store alone.
     */
    @Test
    void rocksDbStateWithS3CheckpointsIsExactUnderKillMinus9WithLocalStateWiped() throws Exception {
        String in = kafka.createTopic("weir-eo-rocks-in", PARTITIONS);
        String out = kafka.createTopic("weir-eo-rocks-counts", 3);
        List<Event> input = produce(in, 30_000, 300, 21);
        input.addAll(produce(in, 30_000, 300, 22, 60_000));
        String pipeline = "eo-rocks-" + in.substring(in.lastIndexOf('-') + 1);

        Cluster cluster = new Cluster(pipeline, List.of("kind=window", "in=" + in, "out=" + out, "throttle=4",
                "state=ROCKSDB"), "kill-it-" + System.nanoTime(), true);
        int kills = cluster.runWithKills(new Random(8));

        List<String> actual = ExactlyOncePipelines.committedCounts(kafka, out);
        assertThat(kills).isGreaterThanOrEqualTo(MIN_KILLS);
        long restoredFromS3 = 0;
        for (int t = 0; t < PARALLELISM; t++) {
            for (int start = 1; start < cluster.starts[t]; start++) {
                if (Files.readString(cluster.log(t, start)).contains("restoring checkpoint")) {
                    restoredFromS3++;
                }
            }
        }
        assertThat(restoredFromS3).as("restarts that restored a checkpoint from S3 into a wiped directory")
                .isGreaterThanOrEqualTo(MIN_KILLS / 2);
        assertExact(actual, ExactlyOncePipelines.expectedCounts(input), kills);
    }

    @Test
    void shuffledIntervalJoinOverThreeProcessesIsExactUnderKillMinus9() throws Exception {
        String orders = kafka.createTopic("weir-eo-orders", PARTITIONS);
        String payments = kafka.createTopic("weir-eo-payments", PARTITIONS);
        String out = kafka.createTopic("weir-eo-joined", 3);
        List<Event> o = produce(orders, 30_000, 2_000, 21);
        List<Event> p = produce(payments, 30_000, 2_000, 22);
        String pipeline = "eo-join-" + orders.substring(orders.lastIndexOf('-') + 1);

        Cluster cluster = new Cluster(pipeline, List.of("kind=join", "in=" + orders, "in2=" + payments, "out=" + out,
                "throttle=2"));
        int kills = cluster.runWithKills(new Random(6));

        JsonSerde<ExactlyOncePipelines.Joined> serde = JsonSerde.of(ExactlyOncePipelines.Joined.class);
        List<String> actual = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(out)) {
            actual.add(ExactlyOncePipelines.describe(serde.deserialize(r.value())));
        }
        actual.sort(null);
        List<String> expected = ExactlyOncePipelines.expectedJoin(o, p);
        assertThat(expected).hasSizeGreaterThan(1_000);
        assertThat(kills).isGreaterThanOrEqualTo(MIN_KILLS);
        assertExact(actual, expected, kills);
    }

    /**
     * At-least-once: a killed task replays from its last checkpoint without transactions, so records it had already
     * shuffled before the kill reach the downstream task again and may be counted twice, as in Flink's
     * AT_LEAST_ONCE mode. What must hold: nothing is lost — every (key, window) of the oracle has a result, and its
     * largest result counts at least the oracle's number.
     */
    @Test
    void atLeastOnceLosesNothingUnderKillMinus9() throws Exception {
        String in = kafka.createTopic("weir-alo-in", PARTITIONS);
        String out = kafka.createTopic("weir-alo-counts", 3);
        List<Event> input = produce(in, 60_000, 300, 41);
        String pipeline = "alo-window-" + in.substring(in.lastIndexOf('-') + 1);

        Cluster cluster = new Cluster(pipeline, List.of("kind=window", "in=" + in, "out=" + out, "throttle=4",
                "guarantee=AT_LEAST_ONCE"));
        int kills = cluster.runWithKills(new Random(7), 4);

        JsonSerde<ExactlyOncePipelines.WindowCount> serde = JsonSerde.of(ExactlyOncePipelines.WindowCount.class);
        java.util.Map<String, Long> largest = new java.util.TreeMap<>();
        int results = 0;
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(out)) {
            ExactlyOncePipelines.WindowCount c = serde.deserialize(r.value());
            largest.merge(c.key() + "@" + c.windowStart(), c.count(), Math::max);
            results++;
        }
        assertThat(kills).isGreaterThanOrEqualTo(4);
        List<String> lost = new ArrayList<>();
        for (String expected : ExactlyOncePipelines.expectedCounts(input)) {
            String window = expected.substring(0, expected.indexOf('='));
            long count = Long.parseLong(expected.substring(expected.indexOf('=') + 1));
            if (largest.getOrDefault(window, 0L) < count) {
                lost.add(expected + " (largest result " + largest.get(window) + ")");
            }
        }
        assertThat(lost).as("windows whose results lost records after %d kills", kills).isEmpty();
        assertThat(largest.keySet()).as("no window the oracle does not have")
                .hasSameSizeAs(ExactlyOncePipelines.expectedCounts(input));
        assertThat(results).isGreaterThanOrEqualTo(largest.size());
    }

    @Test
    void aPausedZombieIsFencedWhenItsTaskRunsElsewhere() throws Exception {
        String in = kafka.createTopic("weir-eo-zombie-in", PARTITIONS);
        String out = kafka.createTopic("weir-eo-zombie-out", 3);
        List<Event> input = produce(in, 60_000, 300, 31);
        String pipeline = "eo-zombie-" + in.substring(in.lastIndexOf('-') + 1);
        Cluster cluster = new Cluster(pipeline, List.of("kind=window", "in=" + in, "out=" + out, "throttle=4"));
        for (int i = 0; i < PARALLELISM; i++) {
            cluster.start(i);
        }
        Path task0 = cluster.snapshots.resolve(pipeline).resolve("task-0");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!hasSnapshot(task0)) {
            assertThat(System.nanoTime()).as("task 0 checkpoints within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        Process zombie = cluster.workers[0];
        assertThat(zombie.isAlive()).as("task 0 still running after its first checkpoint").isTrue();
        signal(zombie, "STOP");
        cluster.start(0); // the task is "reassigned": a new instance takes over task 0 and fences the paused one
        Thread.sleep(4_000);
        signal(zombie, "CONT");
        assertThat(zombie.waitFor(60, TimeUnit.SECONDS)).as("zombie stops").isTrue();
        assertThat(zombie.exitValue()).as("the resumed zombie fails instead of committing").isEqualTo(2);
        assertThat(Files.readString(cluster.log(0, 0))).contains("TaskFencedException",
                "another instance runs it now");
        cluster.awaitAll();

        List<String> actual = ExactlyOncePipelines.committedCounts(kafka, out);
        assertExact(actual, ExactlyOncePipelines.expectedCounts(input), 0);
    }

    /** Equal as sorted lists; on failure, says how many records are missing and duplicated or wrong, with samples. */
    private void assertExact(List<String> actual, List<String> expected, int kills) throws Exception {
        assertExact(actual, expected, "after " + kills + " kills");
    }

    private static boolean hasSnapshot(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("chk-"));
        }
    }

    private static void signal(Process p, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal).isTrue();
    }

    /** Three task processes of one pipeline, restartable; each start logs to its own file. */
    private final class Cluster {
        private final String pipeline;
        private final List<String> args;
        private final Process[] workers = new Process[PARALLELISM];
        private final int[] starts = new int[PARALLELISM];
        private final Path snapshots;
        /** {@code snapshots=} argument: the local directory, or {@code s3:<prefix>}. */
        private final String store;
        /** Whether each restart deletes the task's local directory first (a new machine). */
        private final boolean wipeLocal;

        Cluster(String pipeline, List<String> args) throws Exception {
            this(pipeline, args, null, false);
        }

        /** @param s3Prefix null for the local snapshot store, else the S3 key prefix */
        Cluster(String pipeline, List<String> args, String s3Prefix, boolean wipeLocal) throws Exception {
            this.pipeline = pipeline;
            this.args = args;
            this.snapshots = Files.createDirectories(work.resolve("snapshots"));
            this.store = s3Prefix == null ? snapshots.toAbsolutePath().toString() : "s3:" + s3Prefix;
            this.wipeLocal = wipeLocal;
        }

        Path localDir(int task) {
            return work.resolve("local-" + pipeline + "-" + task);
        }

        Path log(int task, int start) {
            return work.resolve(pipeline + "-task" + task + "-start" + start + ".log");
        }

        void start(int task) throws Exception {
            if (wipeLocal && Files.exists(localDir(task))) {
                LocalSnapshotStore.deleteTree(localDir(task));
                assertThat(localDir(task)).doesNotExist();
            }
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-Dorg.slf4j.simpleLogger.log.dev.weir.runtime.task.TaskRunner=info",
                    "-cp", System.getProperty("java.class.path"),
                    TaskWorker.class.getName(),
                    "bootstrap=" + KafkaTestSupport.BOOTSTRAP, "pipeline=" + pipeline, "index=" + task,
                    "parallelism=" + PARALLELISM, "snapshots=" + store, "local=" + localDir(task).toAbsolutePath(),
                    "interval=300"));
            cmd.addAll(args);
            File logFile = log(task, starts[task]++).toFile();
            workers[task] = launch(new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile)));
        }

        /**
         * Starts all tasks, then repeatedly picks a random running task, waits until it has started processing (its
         * log says it restored a checkpoint or started fresh) and 0.3–1.5 s more, kills it with SIGKILL and restarts
         * it at once, until {@code minKills} kills happened (or every task finished); then waits for all to finish.
         * So every life of a task gets to process, checkpoint and restore, instead of dying while the JVM starts.
         * Returns the number of kills.
         */
        int runWithKills(Random rnd) throws Exception {
            return runWithKills(rnd, MIN_KILLS);
        }

        int runWithKills(Random rnd, int minKills) throws Exception {
            for (int i = 0; i < PARALLELISM; i++) {
                start(i);
            }
            int kills = 0;
            while (kills < minKills) {
                List<Integer> alive = new ArrayList<>();
                for (int i = 0; i < PARALLELISM; i++) {
                    if (workers[i].isAlive()) {
                        alive.add(i);
                    } else {
                        assertThat(workers[i].exitValue()).as("task %d exit code; log %s", i, log(i, starts[i] - 1))
                                .isZero();
                    }
                }
                if (alive.isEmpty()) {
                    break;
                }
                int victim = alive.get(rnd.nextInt(alive.size()));
                if (!awaitProcessing(victim)) {
                    continue; // it finished meanwhile
                }
                Thread.sleep(300 + rnd.nextInt(1_200));
                if (!workers[victim].isAlive()) {
                    continue;
                }
                workers[victim].destroyForcibly(); // SIGKILL
                workers[victim].waitFor();
                kills++;
                start(victim);
            }
            awaitAll();
            return kills;
        }

        /** Waits until the current life of {@code task} logged that it processes; false if it exited first. */
        private boolean awaitProcessing(int task) throws Exception {
            Path current = log(task, starts[task] - 1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (workers[task].isAlive()) {
                String text = Files.exists(current) ? Files.readString(current) : "";
                if (text.contains("restoring checkpoint") || text.contains("starting fresh")) {
                    return true;
                }
                assertThat(System.nanoTime()).as("task %d starts processing within 60 s; log %s", task, current)
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
            return false;
        }

        void awaitAll() throws Exception {
            for (int i = 0; i < PARALLELISM; i++) {
                assertThat(workers[i].waitFor(180, TimeUnit.SECONDS)).as("task %d finishes", i).isTrue();
                assertThat(workers[i].exitValue()).as("task %d exit code; log %s", i, log(i, starts[i] - 1)).isZero();
            }
        }
    }
}
