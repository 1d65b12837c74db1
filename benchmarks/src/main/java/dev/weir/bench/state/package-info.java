/**
 * The keyed-state benchmark: the RocksDB backend against the heap backend, and checkpoints to an S3-compatible store.
 * <ul>
 *   <li>{@link dev.weir.bench.state.StateBenchmark}: the harness ({@code benchmarks/state-run.sh}), options in
 *       {@link dev.weir.bench.state.StateBenchmarkOptions}, report in {@link dev.weir.bench.state.StateReport};</li>
 *   <li>throughput: {@link dev.weir.bench.state.KeyedCountWorkload} (a keyed count with every key live) run by
 *       {@link dev.weir.bench.state.ThroughputChild} in a forked JVM per backend and heap cap, watched by
 *       {@link dev.weir.bench.state.RunSampler};</li>
 *   <li>checkpoints and recovery: {@link dev.weir.bench.state.CheckpointBenchmark} (full and incremental checkpoints
 *       of a directly filled RocksDB backend through {@code CheckpointStorage}), {@link dev.weir.bench.state.StateRestore}
 *       and {@link dev.weir.bench.state.RecoveryChild} (restore in a fresh JVM after kill -9).</li>
 * </ul>
 * How to run it and the latest numbers: {@code docs/benchmarks.md}, section "Keyed state".
 */
package dev.weir.bench.state;
