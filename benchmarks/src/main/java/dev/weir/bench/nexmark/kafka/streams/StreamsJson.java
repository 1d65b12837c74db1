package dev.weir.bench.nexmark.kafka.streams;

import dev.weir.bench.nexmark.kafka.Json;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Kafka Streams serdes of JSON values (the harness's {@link Json}), for repartition topics and state stores. */
final class StreamsJson {
    private StreamsJson() {
    }

    static <T> Serde<T> serde(Class<T> type) {
        return Serdes.serdeFrom((topic, value) -> value == null ? null : Json.write(value),
                (topic, bytes) -> bytes == null ? null : Json.read(bytes, type));
    }
}
