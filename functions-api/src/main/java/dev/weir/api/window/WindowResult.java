package dev.weir.api.window;

/**
 * The result of a windowed aggregation for one key and window. Emitted with the event timestamp
 * {@code window.maxTimestampMillis()}.
 *
 * @param key    the key
 * @param window the window the result covers
 * @param value  the aggregate
 * @param pane   which emission of this window it is; {@link PaneInfo#isUpdate()} marks a replacement
 */
public record WindowResult<K, R>(K key, Window window, R value, PaneInfo pane) {
}
