/**
 * JMH microbenchmarks of the runtime's hot paths, one class per concept: watermark generation and combination
 * ({@link dev.weir.bench.micro.WatermarkBenchmark}), window assignment and session merging
 * ({@link dev.weir.bench.micro.WindowAssignmentBenchmark}), keyed state get/put on the heap and RocksDB backends
 * ({@link dev.weir.bench.micro.KeyedStateBenchmark}) and the serdes ({@link dev.weir.bench.micro.SerdeBenchmark}).
 * {@code benchmarks/jmh-run.sh} runs them; {@link dev.weir.bench.micro.JmhReport} turns JMH's JSON result into the
 * "Microbenchmarks (JMH)" section of {@code docs/benchmarks.md}.
 */
package dev.weir.bench.micro;
