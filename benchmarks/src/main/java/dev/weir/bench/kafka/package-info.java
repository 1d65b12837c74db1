/**
 * The end-to-end Kafka benchmark: input topic → processor → output topic through a real broker.
 * <ul>
 *   <li>{@link dev.weir.bench.kafka.EventCodec} and {@link dev.weir.bench.kafka.EventStream}: deterministic
 *       100-byte JSON events;</li>
 *   <li>{@link dev.weir.bench.kafka.InputLoader}: loads them as fast as possible, or at a fixed rate stamped with
 *       the wall clock (latency runs);</li>
 *   <li>{@link dev.weir.bench.kafka.Processor}: the thing under test. The raw Kafka ceilings
 *       ({@link dev.weir.bench.kafka.KafkaForwarder}, {@link dev.weir.bench.kafka.KafkaConsumeOnly}) and the
 *       hand-written reference count ({@link dev.weir.bench.kafka.KafkaTumblingCount}) implement it, and Weir's
 *       keyed tumbling count will, registered in {@link dev.weir.bench.kafka.Subjects};</li>
 *   <li>{@link dev.weir.bench.kafka.ThroughputRun} and {@link dev.weir.bench.kafka.LatencyRun}: the two
 *       measurements, with memory ({@link dev.weir.bench.kafka.ProcessMemory}) and CPU
 *       ({@link dev.weir.bench.kafka.CpuUse}) alongside; {@link dev.weir.bench.kafka.KafkaBenchmark}: the harness
 *       and its report ({@link dev.weir.bench.kafka.KafkaReport}).</li>
 * </ul>
 * How to run it and the latest numbers: {@code docs/benchmarks.md}, section "Kafka end to end".
 */
package dev.weir.bench.kafka;
