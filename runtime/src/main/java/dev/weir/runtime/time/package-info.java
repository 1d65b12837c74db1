/** Clocks and timers: processing time (injectable clock) and the per-operator timer service for both time domains. */
package dev.weir.runtime.time;
