package dev.weir.runtime.window;

import dev.weir.api.window.Window;

/**
 * The input of a window function that failed, as reported by the pipeline's error policy (in a
 * {@link dev.weir.runtime.operator.DeadLetter} under DEAD_LETTER): which key and window could not be emitted.
 */
public record FailedWindow(Object key, Window window) {
}
