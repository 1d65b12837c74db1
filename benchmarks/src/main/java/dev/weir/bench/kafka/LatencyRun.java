package dev.weir.bench.kafka;

import java.time.Duration;
import java.util.Optional;

/**
 * Measures end-to-end latency at a fixed input rate: fresh input and output topics; the processor is started and
 * the output consumer ({@link LatencyRecorder}) is running before the first input; the input is produced at
 * {@code rate} for {@code warmup + measure} with the send time as each record's timestamp; only records stamped
 * after the warm-up are measured. Then the harness waits until the processor has consumed every input record,
 * closes it (final commit) and lets the output consumer read to the end.
 *
 * <p>In exactly-once mode a record becomes visible only when its transaction commits, so its latency includes the
 * wait for the next commit: on average half the commit interval, at worst all of it.
 */
final class LatencyRun {
    private LatencyRun() {
    }

    static LatencyResult run(BenchContext ctx, String subject, Processor processor, EventStream stream,
                             DeliveryMode mode, int parallelism, Duration interval, double fraction, double rate,
                             Duration warmup, Duration measure, Duration timeout) throws Exception {
        String input = ctx.newTopic("lat-in");
        String output = ctx.newTopic("lat-out");
        try (LatencyRecorder recorder = new LatencyRecorder(ctx.bootstrap, output, ctx.partitions,
                processor.latencyAllowance())) {
            Progress progress = new Progress(Long.MAX_VALUE);
            Processor.Running running = processor.start(ctx.spec(input, output, mode, parallelism, interval), progress);
            InputLoader.Paced paced;
            Optional<CpuUse> cpu;
            try {
                recorder.start(System.currentTimeMillis() + warmup.toMillis());
                Optional<CpuUse.Sample> cpuFrom = ctx.cpuSample();
                paced = InputLoader.produceAtRate(ctx.bootstrap, input, stream, rate,
                        warmup.plus(measure), () -> running.failure() != null);
                cpu = ctx.cpuSince(cpuFrom);
                if (!progress.awaitTotal(paced.records(), timeout, running)) {
                    throw new IllegalStateException(subject + " consumed " + progress.total() + " of "
                            + paced.records() + " records within " + timeout.toSeconds() + " s of the input's end");
                }
            } catch (Exception e) {
                ThroughputRun.closeAfterFailure(running, e);
                throw e;
            }
            running.close();
            LatencySummary latency = recorder.finish(timeout);
            return new LatencyResult(subject, mode, parallelism, fraction, rate, paced, recorder.received(),
                    processor.expectedOutputs(paced.records(), mode), latency, cpu);
        } finally {
            ctx.dropTopic(input);
            ctx.dropTopic(output);
        }
    }
}
