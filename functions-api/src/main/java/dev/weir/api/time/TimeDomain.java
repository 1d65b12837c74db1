package dev.weir.api.time;

/** Which clock a time value, timer or window is measured on. */
public enum TimeDomain {
    /** Time carried by the events themselves; advanced by watermarks. The default. */
    EVENT_TIME,
    /** The engine's wall clock when it processes an event. */
    PROCESSING_TIME
}
