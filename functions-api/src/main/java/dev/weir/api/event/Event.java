package dev.weir.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * An immutable event: an optional key, a value, its event timestamp and headers.
 *
 * @param key             the event's key, or {@code null} for unkeyed events
 * @param value           the payload; never {@code null}
 * @param timestampMillis event time, milliseconds since the Unix epoch (not the time it was processed)
 * @param headers         headers, {@link Headers#EMPTY} if none
 * @param <K>             key type
 * @param <V>             value type
 */
public record Event<K, V>(K key, V value, long timestampMillis, Headers headers) {

    public Event {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(headers, "headers");
    }

    /** An unkeyed event without headers. */
    public static <V> Event<Void, V> of(V value, long timestampMillis) {
        return new Event<>(null, value, timestampMillis, Headers.EMPTY);
    }

    /** A keyed event without headers. */
    public static <K, V> Event<K, V> of(K key, V value, long timestampMillis) {
        return new Event<>(key, value, timestampMillis, Headers.EMPTY);
    }

    /** The event timestamp as an {@link Instant}. */
    public Instant timestamp() {
        return Instant.ofEpochMilli(timestampMillis);
    }

    public <K2> Event<K2, V> withKey(K2 newKey) {
        return new Event<>(newKey, value, timestampMillis, headers);
    }

    public <V2> Event<K, V2> withValue(V2 newValue) {
        return new Event<>(key, newValue, timestampMillis, headers);
    }

    public Event<K, V> withTimestamp(long newTimestampMillis) {
        return new Event<>(key, value, newTimestampMillis, headers);
    }

    public Event<K, V> withHeaders(Headers newHeaders) {
        return new Event<>(key, value, timestampMillis, newHeaders);
    }
}
