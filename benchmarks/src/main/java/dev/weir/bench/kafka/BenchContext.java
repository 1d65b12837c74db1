package dev.weir.bench.kafka;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;

/**
 * What every run of one benchmark shares: the broker, an admin client, the partition count and commit interval,
 * and the topics it created. Topic names start with {@code weir-bench-<id>-}, where {@code id} is unique per
 * benchmark; {@link #close()} deletes them unless told to keep them.
 */
final class BenchContext implements AutoCloseable {
    final String bootstrap;
    final int partitions;
    final Duration commitInterval;
    final PrintStream log;
    private final java.util.OptionalLong brokerPid = CpuUse.findBroker();
    private final Admin admin;
    private final String id;
    private final boolean keepTopics;
    private final List<String> topics = new ArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();

    BenchContext(String bootstrap, int partitions, Duration commitInterval, boolean keepTopics, PrintStream log) {
        this.bootstrap = bootstrap;
        this.partitions = partitions;
        this.commitInterval = commitInterval;
        this.keepTopics = keepTopics;
        this.log = log;
        this.id = Long.toString(System.currentTimeMillis(), 36);
        this.admin = KafkaClients.admin(bootstrap);
        try {
            KafkaClients.checkReachable(admin, bootstrap);
        } catch (RuntimeException e) {
            admin.close(Duration.ZERO);
            throw e;
        }
    }

    /** Creates a fresh topic with {@link #partitions} partitions. */
    String newTopic(String role) throws Exception {
        String name = "weir-bench-" + id + "-" + role + "-" + counter.incrementAndGet();
        KafkaClients.createTopic(admin, name, partitions);
        topics.add(name);
        return name;
    }

    /** Deletes a topic this context created, unless topics are kept (frees disk between runs). */
    void dropTopic(String topic) throws Exception {
        if (!keepTopics && topics.remove(topic)) {
            KafkaClients.deleteTopics(admin, List.of(topic));
        }
    }

    /** A CPU sample to measure a run from; empty where /proc cannot be read. */
    java.util.Optional<CpuUse.Sample> cpuSample() {
        return CpuUse.Sample.take(brokerPid);
    }

    /** CPU use since {@code from}. */
    java.util.Optional<CpuUse> cpuSince(java.util.Optional<CpuUse.Sample> from) {
        return from.flatMap(a -> cpuSample().map(a::until));
    }

    ProcessorSpec spec(String input, String output, DeliveryMode mode, int parallelism) {
        return spec(input, output, mode, parallelism, commitInterval);
    }

    /** A spec with its own commit (or checkpoint) interval. */
    ProcessorSpec spec(String input, String output, DeliveryMode mode, int parallelism, Duration interval) {
        return new ProcessorSpec(bootstrap, input, output, partitions, mode, interval, parallelism,
                "weir-bench-" + id + "-run-" + counter.incrementAndGet());
    }

    /** Deletes the topics this context created (unless kept) and closes the admin client. */
    @Override
    public void close() {
        try {
            if (!keepTopics) {
                KafkaClients.deleteTopics(admin, List.copyOf(topics));
                topics.clear();
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not delete the benchmark's topics " + topics, e);
        } finally {
            admin.close(Duration.ofSeconds(10));
        }
    }
}
