package dev.weir.runtime.oracle;

import dev.weir.api.window.PaneInfo;

/** One emission of a window: its pane info and the value emitted. */
record Pane<V>(PaneInfo info, V value) {
    @Override
    public String toString() {
        return info.timing() + "#" + info.index() + "{" + value + "}";
    }
}
