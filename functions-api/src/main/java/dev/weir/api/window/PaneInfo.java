package dev.weir.api.window;

import java.util.Objects;

/**
 * Describes one emission (pane) of a window's result.
 *
 * @param timing when the pane was emitted relative to the watermark
 * @param index  0 for the first emission of the window, then 1, 2, ...; any pane with index &gt; 0 supersedes
 *               the earlier ones for the same key and window (it is an <em>update</em>)
 */
public record PaneInfo(Timing timing, int index) {

    /** When a pane was emitted relative to the watermark passing the window's end. */
    public enum Timing {
        /** Before the watermark reached the window's end (an early / speculative result). */
        EARLY,
        /** When the watermark reached the window's end. */
        ON_TIME,
        /** After that, because a late event (within the allowed lateness) changed the result. */
        LATE
    }

    public PaneInfo {
        Objects.requireNonNull(timing, "timing");
        if (index < 0) {
            throw new IllegalArgumentException("pane index must be >= 0");
        }
    }

    /** Whether this pane replaces a result emitted earlier for the same key and window. */
    public boolean isUpdate() {
        return index > 0;
    }
}
