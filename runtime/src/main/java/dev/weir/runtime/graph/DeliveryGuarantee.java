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
     * flushed. After a failure, output since the last checkpoint is written again (duplicates, never loss).
     */
    AT_LEAST_ONCE
}
