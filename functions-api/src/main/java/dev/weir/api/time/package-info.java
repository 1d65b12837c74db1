/**
 * Time: event time versus processing time, and timers. Event time is the time an event happened (its
 * timestamp); processing time is the engine's wall clock when it handles the event.
 */
package dev.weir.api.time;
