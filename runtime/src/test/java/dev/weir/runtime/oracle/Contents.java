package dev.weir.runtime.oracle;

import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.Window;
import java.util.List;

/**
 * What {@link ContentsFunction} saw when a window fired.
 *
 * @param key  the key the engine passed
 * @param window the window from the context
 * @param pane the pane from the context
 * @param ids  ids of the elements, in the order the engine handed them over
 */
public record Contents(int key, Window window, PaneInfo pane, List<Integer> ids) {
}
