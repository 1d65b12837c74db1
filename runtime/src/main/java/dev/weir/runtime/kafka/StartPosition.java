package dev.weir.runtime.kafka;

import java.time.Instant;
import java.util.Objects;

/** Where a {@link KafkaSource} starts reading each partition. */
public sealed interface StartPosition {
    /** The first offset still in the log. */
    record Earliest() implements StartPosition {
    }

    /** The end of the log when the reader starts: only records written after that are read. */
    record Latest() implements StartPosition {
    }

    /**
     * The first record whose Kafka timestamp is {@code >= timestamp}; the end of the log if there is none.
     *
     * @param timestamp record time (Kafka's record timestamp)
     */
    record Timestamp(Instant timestamp) implements StartPosition {
        public Timestamp {
            Objects.requireNonNull(timestamp, "timestamp");
        }
    }

    /**
     * The offsets committed by consumer group {@code groupId}; a partition without a committed offset starts at
     * {@code fallback}. The source only reads these offsets, it does not commit any.
     */
    record Committed(String groupId, StartPosition fallback) implements StartPosition {
        public Committed {
            if (groupId == null || groupId.isBlank()) {
                throw new IllegalArgumentException("committed start position needs a group id");
            }
            Objects.requireNonNull(fallback, "fallback");
            if (fallback instanceof Committed) {
                throw new IllegalArgumentException("the fallback of a committed start position cannot be committed");
            }
        }
    }

    static StartPosition earliest() {
        return new Earliest();
    }

    static StartPosition latest() {
        return new Latest();
    }

    static StartPosition timestamp(Instant timestamp) {
        return new Timestamp(timestamp);
    }

    /** Committed offsets of {@code groupId}, earliest where the group has none. */
    static StartPosition committed(String groupId) {
        return new Committed(groupId, new Earliest());
    }
}
