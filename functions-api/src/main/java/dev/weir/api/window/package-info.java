/**
 * Windows. A window is a half-open interval of event (or processing) time {@code [start, end)}: a tumbling
 * window of 5 minutes starting at 10:00 holds events with {@code 10:00 <= ts < 10:05}, and is complete once
 * the watermark reaches {@code end - 1 ms} (its {@link dev.weir.api.window.Window#maxTimestampMillis()}).
 *
 * <p>Specs ({@link dev.weir.api.window.TumblingWindows}, {@link dev.weir.api.window.SlidingWindows},
 * {@link dev.weir.api.window.SessionWindows}, {@link dev.weir.api.window.GlobalWindows}) say which windows an
 * event belongs to; a {@link dev.weir.api.window.Trigger} says when a window's result is emitted; an
 * {@link dev.weir.api.window.AggregateFunction} or {@link dev.weir.api.window.ProcessWindowFunction} says
 * what is emitted.
 */
package dev.weir.api.window;
