package dev.weir.runtime.kafka;

/** A Kafka record that could not be turned into a value, under {@link DeserializationErrorPolicy#FAIL}. */
public final class KafkaDeserializationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String topic;
    private final int partition;
    private final long offset;

    public KafkaDeserializationException(String topic, int partition, long offset, Throwable cause) {
        super("cannot deserialize record " + topic + "-" + partition + "@" + offset + ": " + cause.getMessage(), cause);
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }
}
