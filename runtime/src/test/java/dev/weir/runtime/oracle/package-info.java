/**
 * Correctness tests of event-time semantics against brute-force oracles. Each oracle recomputes, from the
 * complete input script, what the engine must emit: per-window panes for tumbling and sliding windows, final
 * sessions, interval-join pairs and late side output. The oracles share no code with the engine's incremental
 * algorithms (no panes, no merging window sets, no timers), so a disagreement is a bug in one of the two.
 *
 * <p>Scripts come from {@link dev.weir.runtime.oracle.ScriptGenerators}: random keys, out-of-order timestamps and
 * watermarks at random points and random distances behind the largest timestamp seen.
 */
package dev.weir.runtime.oracle;
