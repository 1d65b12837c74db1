package dev.weir.bench.state;

/**
 * An event of the state benchmark's keyed count: a key and an event time.
 *
 * @param key        the key, in {@code [0, keys)}
 * @param timeMillis event time, milliseconds since the epoch
 */
public record StateEvent(long key, long timeMillis) {
}
