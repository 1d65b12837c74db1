/**
 * Benchmarks of the in-process engine: a deterministic bid stream ({@link dev.weir.bench.BidGenerator}), the
 * benchmark queries ({@link dev.weir.bench.Query}), a brute-force oracle of their output counts
 * ({@link dev.weir.bench.ExpectedOutputs}) and the harness ({@link dev.weir.bench.EngineBenchmark}) that
 * measures throughput, allocation per event, peak heap and GC. How to run it and the latest numbers:
 * {@code docs/benchmarks.md}.
 */
package dev.weir.bench;
