/**
 * The in-process engine: turns a {@link dev.weir.runtime.graph.PipelineGraph} into chained operators and runs
 * them on one thread until the sources end.
 */
package dev.weir.runtime.engine;
