/**
 * The distributed runtime: a pipeline runs as {@code parallelism} <em>tasks</em>, one per runtime instance. Task
 * {@code i} reads the source partitions {@code p} with {@code p % parallelism == i} and owns the key groups
 * {@link dev.weir.runtime.state.KeyGroups#rangeOf range i}. A key-by becomes a <em>shuffle</em> through an internal
 * Kafka topic with one partition per task; watermarks cross it as control records. Every checkpoint interval a
 * task snapshots its state and commits one Kafka transaction holding its output and its consumed offsets, whose
 * metadata names the snapshot ({@code docs/design/exactly-once.md}).
 */
package dev.weir.runtime.task;
