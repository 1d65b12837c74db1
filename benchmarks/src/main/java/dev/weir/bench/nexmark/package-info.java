/**
 * Nexmark on Weir, Apache Flink and Kafka Streams: a deterministic generator of the Nexmark auction workload
 * ({@link dev.weir.bench.nexmark.NexmarkGenerator}), the queries q0–q5, q7 and q8 with exact result semantics
 * ({@link dev.weir.bench.nexmark.NexmarkQuery}), a brute-force {@link dev.weir.bench.nexmark.Oracle}, an
 * order-independent {@link dev.weir.bench.nexmark.Checksum} that must agree across engines, and the harness
 * {@link dev.weir.bench.nexmark.NexmarkBenchmark}. Event times are milliseconds since the epoch; windows are
 * half-open {@code [start, end)} (see {@code docs/concepts/time.md}). See the Nexmark section of
 * {@code docs/benchmarks.md}.
 */
package dev.weir.bench.nexmark;
