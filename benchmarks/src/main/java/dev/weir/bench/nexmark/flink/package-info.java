/**
 * The Nexmark queries on Apache Flink's DataStream API (local execution, parallelism 1), written as a Flink user
 * would ({@code connect} + keyed co-process functions for joins, window aggregates, {@code coGroup} for the window
 * join), with the same result semantics as the Weir pipelines.
 */
package dev.weir.bench.nexmark.flink;
