package dev.weir.api.window;

import dev.weir.api.function.OutputTag;

/** What a {@link ProcessWindowFunction} sees while a window fires. */
public interface WindowContext {
    Window window();

    PaneInfo pane();

    /** The current watermark, milliseconds since the epoch. */
    long currentWatermarkMillis();

    long currentProcessingTimeMillis();

    <C> C config(Class<C> type);

    <T> void output(OutputTag<T> tag, T value);
}
