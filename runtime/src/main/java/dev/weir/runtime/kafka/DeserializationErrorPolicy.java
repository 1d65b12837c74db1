package dev.weir.runtime.kafka;

/**
 * What a {@link KafkaSource} does with a record whose value cannot be deserialized (or has no value). A record is
 * never dropped without a count.
 */
public enum DeserializationErrorPolicy {
    /** Stop the pipeline with a {@link KafkaDeserializationException} naming topic, partition and offset. The default. */
    FAIL,
    /** Count the record ({@link KafkaSource#skippedRecords()}) and go on. */
    SKIP,
    /**
     * Write the record's original key, value and headers, plus the {@code weir.*} error headers, to the configured
     * dead-letter topic, count it ({@link KafkaSource#deadLetteredRecords()}) and go on. If the dead-letter write
     * fails the pipeline fails: the record is not lost.
     */
    DEAD_LETTER
}
