/**
 * The Nexmark Kafka mode: the generated events and the {@link dev.weir.bench.nexmark.kafka.EndOfInput end-of-input
 * marks} loaded once into a topic of the local broker, then each query run from that topic to an output topic by
 * Weir's task runtime, Flink with its Kafka connectors and a real {@code KafkaStreams} application
 * ({@link dev.weir.bench.nexmark.kafka.streams}), with exactly-once on and off; the output topics' checksums must
 * agree with Weir's in-process result on the same events. Latency runs write the input at a fixed rate while the
 * processor runs and attribute each output row to the input that enabled it.
 */
package dev.weir.bench.nexmark.kafka;
