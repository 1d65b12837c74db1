/** Sinks: where a pipeline's results go (collect in memory, print, count; Kafka comes with the runtime issue). */
package dev.weir.runtime.sink;
