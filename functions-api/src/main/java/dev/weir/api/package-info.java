/**
 * The Weir functions API: the only types a function author compiles against.
 *
 * <p>Time conventions used throughout: an <em>event timestamp</em> is milliseconds since the Unix epoch in
 * event time; windows are half-open intervals {@code [start, end)}; a <em>watermark</em> {@code W} asserts
 * that no more events with timestamp {@code <= W} are expected. See {@code docs/concepts/time.md}.
 */
package dev.weir.api;
