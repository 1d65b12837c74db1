/**
 * Checkpoints of one task: a consistent copy of every operator's state, its timers and its sources' positions,
 * taken between two batches on the engine thread (the engine is single-threaded per task, so the copy is aligned
 * without barriers). The distributed runtime stores the bytes and names them in a Kafka transaction
 * ({@code docs/design/exactly-once.md}).
 */
package dev.weir.runtime.checkpoint;
