/**
 * Event-time watermarks: per-partition generation (bounded out-of-orderness, idleness) and combination across
 * inputs (minimum over active inputs). See {@code docs/concepts/time.md}.
 */
package dev.weir.runtime.watermark;
