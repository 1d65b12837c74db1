package dev.weir.api.state;

/** A single value for the current key. */
public interface ValueState<T> {
    /** The value, or {@code null} if unset or expired. */
    T value();

    /** The value, or {@code fallback} if unset or expired. */
    default T valueOr(T fallback) {
        T v = value();
        return v == null ? fallback : v;
    }

    /** Sets the value; {@code null} clears it. */
    void update(T value);

    void clear();
}
