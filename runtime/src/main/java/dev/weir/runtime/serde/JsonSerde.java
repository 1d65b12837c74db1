package dev.weir.runtime.serde;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.weir.api.serde.Serde;
import dev.weir.api.serde.SerdeException;
import java.io.IOException;
import java.util.Objects;

/**
 * JSON for records, POJOs, maps and Jackson trees, with Jackson. Times ({@code Instant}, {@code Duration}) are
 * ISO-8601 strings. Tolerant to schema evolution: unknown properties are ignored (a producer that added a field does
 * not break an older reader) and missing properties are null / zero (a reader that added a field can read old
 * values). Malformed input fails with a {@link SerdeException} naming the type and the position.
 *
 * @param <T> value type
 */
public final class JsonSerde<T> implements Serde<T> {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private JsonSerde(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        this.reader = MAPPER.readerFor(type);
        this.writer = MAPPER.writerFor(type);
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    @Override
    public byte[] serialize(T value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new SerdeException("cannot write " + type.getName() + " as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public T deserialize(byte[] bytes) {
        try {
            T value = reader.readValue(bytes);
            if (value == null) {
                throw new SerdeException("JSON null is not a " + type.getName());
            }
            return value;
        } catch (IOException e) {
            throw new SerdeException("not a valid " + type.getName() + " in JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public Class<T> type() {
        return type;
    }
}
