/**
 * The runtime instance: a Quarkus application that compiles one pipeline spec ({@code weir.pipeline.spec}), runs it
 * on the engine in a dedicated thread, and reports its state through health checks and Prometheus metrics. The
 * engine itself ({@code weir-runtime}) stays framework-free; everything Quarkus-specific lives here.
 */
package dev.weir.instance;
