package dev.weir.runtime.state;

/**
 * A state value with the processing time it was last refreshed, for state with a TTL.
 *
 * @param value                the value
 * @param refreshedAtMillis    processing time of the last refresh, milliseconds since the epoch
 */
public record TtlValue<V>(V value, long refreshedAtMillis) {
    public boolean expired(long nowMillis, long ttlMillis) {
        return nowMillis - refreshedAtMillis >= ttlMillis;
    }
}
