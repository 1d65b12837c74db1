package dev.weir.runtime.graph;

/** What a pipeline promises about its Kafka output after failures. */
public enum DeliveryGuarantee {
    /**
     * Output and consumed offsets commit in one Kafka transaction per checkpoint; {@code read_committed} readers
     * see every result exactly once. Output becomes visible at each checkpoint (latency ~ the interval).
     */
    EXACTLY_ONCE,
    /**
     * No transactions: output is visible as soon as it is written; offsets are committed after the output is
     * flushed. After a failure, records since the last checkpoint are processed again: never loss, but repeated
     * results, and aggregates behind a shuffle may count replayed records twice (as Flink's AT_LEAST_ONCE).
     */
    AT_LEAST_ONCE
}
