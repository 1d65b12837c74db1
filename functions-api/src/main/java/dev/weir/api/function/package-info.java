/**
 * Function shapes: {@link dev.weir.api.function.StatelessFunction} (map / filter / flatMap in one shape) and
 * {@link dev.weir.api.function.KeyedFunction} (keyed state, timers, watermark access, side outputs).
 * Capabilities reach a function through a context object, never through inheritance.
 */
package dev.weir.api.function;
