/**
 * The Nexmark Kafka mode: the generated events loaded once into a topic of the local broker, then each query run
 * from that topic to an output topic by Weir's task runtime and Flink with its Kafka connectors (all queries) and by a
 * real {@code KafkaStreams} application (the stateless queries q0–q2), with exactly-once on and off; the output topics' checksums must agree
 * with each other and with Weir's in-process result on the same events.
 */
package dev.weir.bench.nexmark.kafka;
