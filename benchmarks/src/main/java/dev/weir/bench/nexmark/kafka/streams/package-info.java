/**
 * The Nexmark queries as a Kafka Streams topology ({@link dev.weir.bench.nexmark.kafka.streams.NexmarkTopology}):
 * the DSL where it states the query (windowed aggregations closed by {@code suppress(untilWindowCloses)}), the
 * Processor API with state stores where it does not (q3's unbounded join, q4's auction closing), and the values
 * these keep in their stores. Time is the records' Kafka timestamps, which the harness sets to event time; windows
 * close on stream time, which the {@link dev.weir.bench.nexmark.kafka.EndOfInput end-of-input marks} advance at the
 * end of the input.
 */
package dev.weir.bench.nexmark.kafka.streams;
