package dev.weir.runtime.time;

/** The engine's processing-time clock, milliseconds since the epoch. Injected so tests control time. */
@FunctionalInterface
public interface Clock {
    long millis();

    static Clock system() {
        return System::currentTimeMillis;
    }
}
