/**
 * Window operators. {@link dev.weir.runtime.window.PanedWindowOperator} runs tumbling and sliding windows with
 * their default trigger: each element is added once to a pane of {@code gcd(size, slide)}, and a window's result
 * is merged from its panes when it fires. {@link dev.weir.runtime.window.TriggeredWindowOperator} runs everything
 * else (session windows with merging, global windows, custom triggers) with per-window state, as Flink does.
 */
package dev.weir.runtime.window;
