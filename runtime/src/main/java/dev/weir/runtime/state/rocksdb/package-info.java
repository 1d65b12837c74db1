/**
 * The RocksDB keyed state backend: state and timers of each keyed operator in a RocksDB database of its own, native
 * memory bounded by one shared block cache, native checkpoints and logical (heap-format) savepoints. See
 * {@code docs/concepts/rocksdb-state.md}.
 */
package dev.weir.runtime.state.rocksdb;
