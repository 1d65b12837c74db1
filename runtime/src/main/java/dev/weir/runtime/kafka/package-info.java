/**
 * Kafka connectors for the engine: {@link dev.weir.runtime.kafka.KafkaSource} (one reader per topic partition, each
 * with its own assigned consumer, {@code read_committed}, optional bounded mode for tests and backfills, a policy for
 * records that cannot be deserialized) and {@link dev.weir.runtime.kafka.KafkaSink}. Configuration is typed and
 * validated once: {@link dev.weir.runtime.kafka.KafkaSourceConfig}, {@link dev.weir.runtime.kafka.KafkaSinkConfig}.
 * See {@code docs/operations/kafka.md}.
 */
package dev.weir.runtime.kafka;
