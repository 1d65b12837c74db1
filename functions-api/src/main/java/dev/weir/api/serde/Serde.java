package dev.weir.api.serde;

/**
 * Converts values of one type to bytes and back. Implementations are stateless and thread-safe.
 *
 * @param <T> value type
 */
public interface Serde<T> {
    byte[] serialize(T value);

    /** @throws SerdeException if the bytes are not a valid {@code T} */
    T deserialize(byte[] bytes);

    /** The type this serde handles. */
    Class<T> type();
}
