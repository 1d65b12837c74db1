package dev.weir.runtime.time;

/**
 * A timer of a keyed operator: fires at {@code timestampMillis} (event or processing time) for {@code key} and
 * {@code namespace} (e.g. a window; {@link dev.weir.runtime.state.VoidNamespace} for plain keyed functions).
 */
public record InternalTimer<K, N>(long timestampMillis, K key, N namespace) {
}
