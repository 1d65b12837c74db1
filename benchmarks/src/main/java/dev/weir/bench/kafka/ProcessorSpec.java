package dev.weir.bench.kafka;

import java.time.Duration;

/**
 * What a {@link Processor} runs: where, in which mode, how often it commits and with how many tasks.
 *
 * @param bootstrap      Kafka bootstrap servers
 * @param inputTopic     the topic to read from the beginning
 * @param outputTopic    the topic to write (already created by the harness, same partition count)
 * @param partitions     partitions of both topics
 * @param mode           at-least-once or exactly-once
 * @param commitInterval how often offsets (ALO) or transactions (EOS) are committed; EOS output becomes visible
 *                       at a commit, so it bounds EOS latency from below
 * @param parallelism    tasks (threads, consumers) the processor uses
 * @param runId          unique per run: a prefix for consumer group and transactional ids
 */
public record ProcessorSpec(String bootstrap, String inputTopic, String outputTopic, int partitions,
                            DeliveryMode mode, Duration commitInterval, int parallelism, String runId) {
    public ProcessorSpec {
        if (partitions < 1 || parallelism < 1 || parallelism > partitions) {
            throw new IllegalArgumentException("need 1 <= parallelism <= partitions, were " + parallelism + ", "
                    + partitions);
        }
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("commit interval must be positive, was " + commitInterval);
        }
    }
}
