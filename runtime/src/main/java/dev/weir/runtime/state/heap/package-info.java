/** The heap state backend: plain hash maps per key group. Fast; bounded by the JVM heap. */
package dev.weir.runtime.state.heap;
