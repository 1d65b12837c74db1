/**
 * Checkpoints of one task: a consistent copy of every operator's state, its timers and its sources' positions,
 * taken between two batches on the engine thread (the engine is single-threaded per task, so the copy is aligned
 * without barriers). Every stateful piece is {@link dev.weir.runtime.checkpoint.Checkpointed}; the engine collects
 * their states into an {@link dev.weir.runtime.checkpoint.EngineSnapshot} and encodes it with
 * {@link dev.weir.runtime.checkpoint.StateCodec} (Kryo). The distributed runtime stores the bytes and names them in a
 * Kafka transaction ({@code docs/concepts/exactly-once.md}); {@code docs/concepts/state.md} says what a snapshot holds.
 */
package dev.weir.runtime.checkpoint;
