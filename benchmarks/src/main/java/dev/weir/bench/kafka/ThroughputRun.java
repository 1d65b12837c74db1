package dev.weir.bench.kafka;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Measures a processor's throughput over input loaded beforehand: starts it on a fresh output topic, times it from
 * the first to the last input record consumed ({@link Progress}), closes it, and counts the output: by offsets for
 * at-least-once output (no transaction markers), by reading it with {@code read_committed} for exactly-once.
 */
final class ThroughputRun {
    private ThroughputRun() {
    }

    static ThroughputResult run(BenchContext ctx, String subject, Processor processor, String inputTopic,
                                long records, DeliveryMode mode, int parallelism, Duration interval,
                                Duration timeout) throws Exception {
        String output = ctx.newTopic("out");
        try {
            ProcessorSpec spec = ctx.spec(inputTopic, output, mode, parallelism, interval);
            ProcessMemory memory = new ProcessMemory();
            System.gc();
            memory.reset();
            Progress progress = new Progress(records);
            Processor.Running running = processor.start(spec, progress);
            Optional<CpuUse.Sample> cpuFrom = ctx.cpuSample();
            try {
                if (!progress.awaitTotal(records, timeout, running)) {
                    throw new IllegalStateException(subject + " " + mode.label() + " p" + parallelism + " consumed "
                            + progress.total() + " of " + records + " records in " + timeout.toSeconds() + " s");
                }
            } catch (Exception e) {
                closeAfterFailure(running, e);
                throw e;
            }
            long nanos = progress.nanosToTarget();
            Optional<CpuUse> cpu = ctx.cpuSince(cpuFrom);
            long closing = System.nanoTime();
            running.close();
            long closeNanos = System.nanoTime() - closing;
            long peakHeap = memory.peakHeapBytes();
            OptionalLong peakRss = memory.peakRssBytes();
            OptionalLong outputs = OptionalLong.empty();
            if (processor.writesOutput()) {
                outputs = OptionalLong.of(mode == DeliveryMode.EXACTLY_ONCE
                        ? KafkaClients.readCommitted(ctx.bootstrap, output, ctx.partitions, timeout, r -> { })
                        : KafkaClients.countByOffsets(ctx.bootstrap, output, ctx.partitions));
            }
            return new ThroughputResult(subject, mode, parallelism, records, nanos, closeNanos, outputs,
                    processor.expectedOutputs(records, mode), peakHeap, peakRss, cpu);
        } finally {
            ctx.dropTopic(output);
        }
    }

    /** Closes a processor after {@code failure}, keeping what the close throws as suppressed. */
    static void closeAfterFailure(Processor.Running running, Exception failure) {
        try {
            running.close();
        } catch (Exception e) {
            if (e != failure && e.getCause() != failure) {
                failure.addSuppressed(e);
            }
        }
    }
}
