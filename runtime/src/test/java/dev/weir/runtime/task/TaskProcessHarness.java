package dev.weir.runtime.task;

import dev.weir.runtime.kafka.KafkaTestSupport;
import dev.weir.runtime.task.ExactlyOncePipelines.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the tests that run pipelines as task processes ({@link TaskWorker}) on the real broker share: the broker
 * client, a working directory under {@code target/}, input of {@link #PARTITIONS} partitions, the exact-output check,
 * and the processes a test started, killed when it ends so a failing test leaves no task running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TaskProcessHarness {
    static final int PARTITIONS = 6;
    protected KafkaTestSupport kafka;
    protected Path work;
    private final List<Process> started = new CopyOnWriteArrayList<>();

    /** The working directory's name under {@code target/}. */
    protected abstract String workDirectoryName();

    @BeforeAll
    void startHarness() throws Exception {
        kafka = new KafkaTestSupport();
        work = Files.createDirectories(Path.of("target", workDirectoryName()));
    }

    @AfterEach
    void killLeftovers() throws Exception {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        started.clear();
    }

    @AfterAll
    void stopHarness() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** Starts {@code builder}'s process and remembers it for {@link #killLeftovers}. */
    protected Process launch(ProcessBuilder builder) throws Exception {
        Process p = builder.start();
        started.add(p);
        return p;
    }

    /** {@link ExactlyOncePipelines#produce} into {@link #PARTITIONS} partitions. */
    protected List<Event> produce(String topic, int n, int keys, long seed, long shiftMillis) throws Exception {
        return ExactlyOncePipelines.produce(kafka, topic, PARTITIONS, n, keys, seed, shiftMillis);
    }

    /** {@link ExactlyOncePipelines#produceByKey} into {@link #PARTITIONS} partitions. */
    protected List<Event> produceByKey(String topic, int n, int keys, long seed, long shiftMillis) throws Exception {
        return ExactlyOncePipelines.produceByKey(kafka, topic, PARTITIONS, n, keys, seed, shiftMillis);
    }

    /** The topics on the broker whose names start with {@code prefix}. */
    protected List<String> topicsStartingWith(String prefix) throws Exception {
        return kafka.admin.listTopics().names().get(10, java.util.concurrent.TimeUnit.SECONDS).stream()
                .filter(t -> t.startsWith(prefix)).sorted().toList();
    }

    /** {@link ExactlyOncePipelines#assertExact}, failed lists written to the working directory. */
    protected void assertExact(List<String> actual, List<String> expected, String label) throws Exception {
        ExactlyOncePipelines.assertExact(actual, expected, work, label);
    }
}
