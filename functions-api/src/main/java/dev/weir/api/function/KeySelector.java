package dev.weir.api.function;

/**
 * Extracts the key from a value. Keys must implement {@code equals} and {@code hashCode} consistently and be
 * deterministic: the same value always yields an equal key, on every machine.
 *
 * @param <T> value type
 * @param <K> key type
 */
@FunctionalInterface
public interface KeySelector<T, K> {
    K key(T value);
}
