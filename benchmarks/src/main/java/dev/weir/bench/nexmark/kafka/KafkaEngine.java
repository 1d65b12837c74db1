package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.nexmark.NexmarkQuery;
import java.util.Arrays;

/** A processor of the Kafka mode: reads the input topic from the beginning, writes a query's rows to the output topic. */
public enum KafkaEngine {
    /** Weir's task runtime (one {@code TaskRunner}, a bounded Kafka source, Kafka sink). */
    WEIR("weir") {
        @Override
        public Running start(NexmarkQuery query, Delivery delivery, String bootstrap, String input, String output,
                             ConsumedCounter counter, InputEnd end) throws Exception {
            return WeirKafkaQuery.start(query, delivery, bootstrap, input, output, counter, end);
        }

        @Override
        public boolean supports(NexmarkQuery query) {
            return true;
        }
    },
    /** Apache Flink's local environment through {@code flink-connector-kafka}, parallelism 1. */
    FLINK("flink") {
        @Override
        public Running start(NexmarkQuery query, Delivery delivery, String bootstrap, String input, String output,
                             ConsumedCounter counter, InputEnd end) {
            return FlinkKafkaQuery.start(query, delivery, bootstrap, input, output, counter, end);
        }

        @Override
        public boolean supports(NexmarkQuery query) {
            return true;
        }
    },
    /** A {@code KafkaStreams} application, one stream thread. */
    KAFKA_STREAMS("kafka-streams") {
        @Override
        public Running start(NexmarkQuery query, Delivery delivery, String bootstrap, String input, String output,
                             ConsumedCounter counter, InputEnd end) {
            return StreamsQuery.start(query, delivery, bootstrap, input, output, counter);
        }

        @Override
        public boolean supports(NexmarkQuery query) {
            return StreamsQuery.supports(query);
        }
    };

    /** A started processor. */
    public interface Running extends AutoCloseable {
        /** Stops once everything consumed is processed and committed (output visible to read_committed readers). */
        @Override
        void close() throws Exception;
    }

    private final String id;

    KafkaEngine(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * Starts the processor from the beginning of {@code input}. With {@link InputEnd#END_OFFSETS} it stops at the
     * input's end offsets when started (the input is loaded before); with {@link InputEnd#NONE} it reads on (the
     * input is produced while it runs) until closed. Kafka Streams always reads on.
     */
    public abstract Running start(NexmarkQuery query, Delivery delivery, String bootstrap, String input,
                                  String output, ConsumedCounter counter, InputEnd end) throws Exception;

    /** Where a processor's input ends. */
    public enum InputEnd {
        /** At the input topic's end offsets when the processor starts. */
        END_OFFSETS,
        /** Nowhere: the processor reads on until it is closed. */
        NONE
    }

    public abstract boolean supports(NexmarkQuery query);

    public static KafkaEngine parse(String name) {
        return Arrays.stream(values()).filter(e -> e.id.equalsIgnoreCase(name.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown engine '" + name + "', expected one of "
                        + Arrays.stream(values()).map(KafkaEngine::id).toList()));
    }

    @Override
    public String toString() {
        return id;
    }
}
