/**
 * Keyed state backends. State is partitioned by <em>key group</em> (a fixed number, e.g. 128, per pipeline), so
 * a range of key groups can move between instances when a pipeline is rescaled. The heap backend lives in
 * {@code state.heap}; RocksDB comes with checkpoints.
 */
package dev.weir.runtime.state;
